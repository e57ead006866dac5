package org.microsmartgrid.cloud.management.command;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CMD-V1: Kapua's Command tab, limited to a fixed list of diagnostic commands and off unless enabled. Kura's
 * request metrics {@code command.command}, {@code command.argument0..n}, {@code command.timeout} (ms); reply metrics
 * {@code command.stdout}, {@code command.stderr}, {@code command.exit.code}, {@code command.timedout}. Why so little:
 * docs/cloud-management.md.
 */
@Component(name = CommandHandler.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {RequestHandler.class, ConfigurableComponent.class})
@Designate(ocd = CommandHandlerConfig.class)
public class CommandHandler implements RequestHandler, ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.cloud.management.command.CommandHandler";
    public static final String APP_ID = "CMD-V1";
    /** Request metrics that would change how a command runs: refused rather than ignored. */
    private static final List<String> REFUSED_METRICS = List.of("command.working.directory", "command.environment",
            "command.run.async", "command.zip.bytes");
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private volatile CommandHandlerConfig config;

    @Activate
    public CommandHandler(CommandHandlerConfig config) {
        modified(config);
    }

    @Modified
    void modified(CommandHandlerConfig config) {
        this.config = config;
        LOG.info("CMD-V1 diagnostic commands {}", config.enabled() ? "enabled: " + CommandRunner.ALLOWED.keySet() : "disabled");
    }

    @Override
    public String appId() {
        return APP_ID;
    }

    @Override
    public KuraResponse handle(KuraRequest request) {
        if (!KuraRequest.EXEC.equals(request.method()) || !request.resources().equals(List.of("command")))
            return KuraResponse.notFound("CMD-V1 has no " + request.method() + " " + String.join("/", request.resources()));
        CommandHandlerConfig c = config;
        String actor = request.requesterClientId();
        if (!c.enabled()) return refuse(actor, "", "commands are disabled on this module (CMD-V1 enabled=false)");
        List<String> words = words(request);
        String line = String.join(" ", words);
        for (String m : request.metrics().keySet()) {
            if (REFUSED_METRICS.stream().anyMatch(m::startsWith) && !isFalse(request.metrics().get(m)))
                return refuse(actor, line, m + " is not allowed");
        }
        Optional<List<String>> argv = CommandRunner.allowed(words);
        if (argv.isEmpty()) return refuse(actor, line, "command not allowed: '" + line + "'; allowed: "
                + CommandRunner.ALLOWED.keySet().stream().sorted().toList());
        Duration limit = Duration.ofSeconds(Math.max(1, Math.min(60, c.timeout_s())));
        Optional<String> asked = request.metric("command.timeout");
        try {
            if (asked.isPresent()) {
                long ms = Long.parseLong(asked.get().trim());
                if (ms > 0 && ms < limit.toMillis()) limit = Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            return refuse(actor, line, "command.timeout must be a number of milliseconds, got '" + asked.get() + "'");
        }
        try {
            CommandRunner.Result r = CommandRunner.run(argv.get(), limit, Math.max(1024, c.output_max_bytes()));
            LOG.info("CMD-V1 '{}' run for {}: exit {}{}", line, actor, r.exitCode(), r.timedOut() ? " (timed out)" : "");
            return new KuraResponse(KuraResponse.OK, Map.of("command.stdout", r.stdout(), "command.stderr", r.stderr(),
                    "command.exit.code", r.exitCode(), "command.timedout", r.timedOut()), new byte[0], null);
        } catch (IOException e) {
            LOG.error("CMD-V1 '{}' for {} could not run: {}", line, actor, e.toString());
            return KuraResponse.error("cannot run '" + line + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KuraResponse.error("interrupted while running '" + line + "'");
        }
    }

    /** command.command split on white space, then command.argument0, 1, ... as separate words. */
    private static List<String> words(KuraRequest request) {
        List<String> words = new ArrayList<>();
        request.metric("command.command").ifPresent(cmd -> Arrays.stream(cmd.trim().split("\\s+"))
                .filter(w -> !w.isEmpty()).forEach(words::add));
        for (int i = 0; request.metrics().containsKey("command.argument" + i); i++) {
            words.add(request.metric("command.argument" + i).orElse(""));
        }
        return words;
    }

    private static boolean isFalse(Object v) {
        return v == null || "false".equalsIgnoreCase(v.toString()) || v.toString().isEmpty();
    }

    private static KuraResponse refuse(String actor, String line, String why) {
        LOG.warn("CMD-V1 '{}' from {} refused: {}", line, actor, why);
        return KuraResponse.badRequest(why);
    }
}
