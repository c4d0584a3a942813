package org.mailroom.cli;

import org.mailroom.App;
import org.mailroom.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the HTTP server (subscribe, confirm, unsubscribe, health) and, with smtp.host=embedded, the in-process SMTP server, until stopped (Ctrl-C or SIGTERM).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    Options options;

    @Override
    public Integer call() throws InterruptedException {
        Config config = options.config();
        App app = App.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run shutdown hooks: close cleanly (finish requests, close the database) before the JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("Mailroom is serving on http://" + config.string("server.host") + ":" + app.httpPort()
            + " (public URL " + config.string("base.url") + ")");
        if (app.embeddedSmtp() != null)
            System.out.println("Embedded SMTP server on 127.0.0.1:" + app.embeddedSmtp().port() + ", messages kept in " + app.embeddedSmtp().outbox().directory());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
