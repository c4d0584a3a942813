package org.mailroom.issue;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each {@code <case>.md} renders to exactly its {@code <case>.html} (the body fragment), {@code <case>.txt}
 * (the body's text), {@code <case>.warnings}; a bad input to exactly its {@code <case>.error}; the
 * {@code page-*} cases also to the whole themed page ({@code .page.html}, {@code .page.txt}).
 */
class IssueGoldenTest {
    private final IssueRenderer renderer = new IssueRenderer(Golden.SETTINGS);

    @TestFactory
    List<DynamicTest> every_case_renders_exactly_as_its_golden_files() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path md : Golden.cases()) tests.add(DynamicTest.dynamicTest(md.getFileName().toString(), () -> check(md)));
        return tests;
    }

    private void check(Path md) throws IOException {
        byte[] bytes = Files.readAllBytes(md);
        String name = md.getFileName().toString();
        List<Warning> warnings = new ArrayList<>();
        IssueRenderer.Body body;
        try {
            body = renderer.body(renderer.read(name, bytes, warnings), warnings);
        } catch (IssueException e) {
            assertThat(e.getMessage()).isEqualTo(expectedOrFail(Golden.sibling(md, ".error"), e.getMessage() + "\n").strip());
            return;
        }
        assertThat(body.html()).isEqualTo(expectedOrFail(Golden.sibling(md, ".html"), body.html()));
        assertThat(body.text()).isEqualTo(expectedOrFail(Golden.sibling(md, ".txt"), body.text()));
        String w = warnings.stream().map(x -> x.line() + ": " + x.message() + "\n").collect(Collectors.joining());
        assertThat(w).isEqualTo(expectedOrFail(Golden.sibling(md, ".warnings"), w));
        if (name.startsWith("page-")) checkPage(md, name, bytes);
    }

    private void checkPage(Path md, String name, byte[] bytes) {
        EmailContentView page = EmailContentView.of(renderer.render(name, bytes).content());
        assertThat(page.sourceHtml()).isEqualTo(expectedOrFail(Golden.sibling(md, ".page.html"), page.sourceHtml()));
        assertThat(page.text()).isEqualTo(expectedOrFail(Golden.sibling(md, ".page.txt"), page.text()));
    }

    private static String expectedOrFail(Path golden, String actual) {
        String expected = Golden.expected(golden, actual);
        assertThat(expected).as("golden file %s is missing (run with -Dmailroom.golden.update=true)", golden).isNotNull();
        return expected;
    }

    /** The parts of a rendered page that are the same on every run. */
    private record EmailContentView(String sourceHtml, String text) {
        static EmailContentView of(EmailContent c) {
            return new EmailContentView(c.sourceHtml(), c.text());
        }
    }
}
