package org.mailroom.issue;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;

/**
 * flexmark's fenced code blocks, asked only about lines that can open one. flexmark tries every line that no other
 * block claimed with {@code ^`{3,}(?!.*`)|^~{3,}(?!.*~)}; a pattern that starts with an alternation makes Java try
 * it at every position of the line, so each prose line is walked to its end to fail (11% of issue 578's parse).
 * A fence opens with {@code `} or {@code ~} at the first non-space character, indented less than 4; any other line
 * gets the same "no" without the pattern, and the rest goes to flexmark's own factory. Use {@link #replace}: the
 * core factory is switched off and this one takes its place in the same order.
 */
final class FenceStart implements CustomBlockParserFactory {
    private final FencedCodeBlockParser.Factory core = new FencedCodeBlockParser.Factory();

    /** Switches flexmark's own factory off in these options and gives the one to register in its place. */
    static FenceStart replace(MutableDataSet options) {
        options.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        return new FenceStart();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return core.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return core.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return core.affectsGlobalScope();
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory fences = core.apply(options);
        return (state, matched) -> {
            if (state.getIndent() >= 4) return BlockStart.none();
            BasedSequence line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            char c = at < line.length() ? line.charAt(at) : 0;
            return c == '`' || c == '~' ? fences.tryStart(state, matched) : BlockStart.none();
        };
    }
}
