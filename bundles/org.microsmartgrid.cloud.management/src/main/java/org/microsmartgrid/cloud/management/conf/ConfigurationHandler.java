package org.microsmartgrid.cloud.management.conf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CONF-V1: Kapua's Configuration tab. GET/PUT {@code configurations[/pid]}, GET {@code snapshots[/id]}, EXEC
 * {@code snapshot}, EXEC {@code rollback[/id]}. A PUT is checked whole against the metatype before anything is
 * changed, and a snapshot is taken before it is applied.
 */
@Component(name = ConfigurationHandler.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {RequestHandler.class, ConfigurableComponent.class})
@Designate(ocd = ConfigurationHandlerConfig.class)
public class ConfigurationHandler implements RequestHandler, ConfigurableComponent {
    public static final String PID = "org.microsmartgrid.cloud.management.conf.ConfigurationHandler";
    public static final String APP_ID = "CONF-V1";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationHandler.class);

    private final BundleContext context;
    private final ConfigurationAdmin cm;
    private final MetaTypeService metaTypes;
    private volatile ConfigurationManager manager;

    @Activate
    public ConfigurationHandler(BundleContext context, @Reference ConfigurationAdmin cm,
                                @Reference MetaTypeService metaTypes, ConfigurationHandlerConfig config) {
        this.context = context;
        this.cm = cm;
        this.metaTypes = metaTypes;
        modified(config);
    }

    @Modified
    void modified(ConfigurationHandlerConfig config) {
        String data = context.getProperty("msg.data");
        Path dir = Path.of(data == null || data.isBlank() ? "data" : data, "snapshots");
        int max = Math.max(1, Math.min(100, config.snapshots_max()));
        manager = new ConfigurationManager(context, new MetatypeReader(metaTypes), new ConfigStore(cm),
                new SnapshotStore(dir, max, Clock.systemUTC()));
    }

    @Override
    public String appId() {
        return APP_ID;
    }

    @Override
    public synchronized KuraResponse handle(KuraRequest request) {
        String actor = request.requesterClientId();
        String resource = request.resource(0).orElse("");
        Optional<String> arg = request.resource(1);
        if (request.resources().size() > 2) return KuraResponse.notFound("unknown resource " + request.resources());
        try {
            return switch (request.method() + " " + resource) {
                case "GET configurations" -> KuraResponse.ok(EsfXml.write(manager.read(arg.orElse(null), true, true, true)));
                case "PUT configurations" -> put(request.body(), arg.orElse(null), actor);
                case "GET snapshots" -> arg.isEmpty() ? KuraResponse.ok(EsfXml.writeSnapshotIds(manager.snapshots().ids()))
                        : snapshot(arg.get());
                case "EXEC snapshot" -> arg.isPresent() ? KuraResponse.notFound("EXEC snapshot takes no id")
                        : KuraResponse.ok(EsfXml.writeSnapshotIds(List.of(manager.snapshot(actor))));
                case "EXEC rollback" -> rollback(arg, actor);
                default -> KuraResponse.notFound("CONF-V1 has no " + request.method() + " " + String.join("/", request.resources()));
            };
        } catch (ConfigurationManager.UnknownPidException e) {
            return KuraResponse.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            LOG.warn("CONF-V1 {} {} from {} refused: {}", request.method(), request.resources(), actor, e.getMessage());
            return KuraResponse.badRequest(e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("CONF-V1 {} {} from {} failed", request.method(), request.resources(), actor, e);
            return KuraResponse.error("internal error: " + e);
        }
    }

    private KuraResponse put(byte[] body, String pathPid, String actor)
            throws IOException, ConfigurationManager.UnknownPidException {
        List<ComponentConfiguration> sent = EsfXml.read(body);
        if (sent.isEmpty()) return KuraResponse.badRequest("the body holds no <esf:configuration>");
        if (pathPid != null && sent.stream().anyMatch(c -> !c.pid().equals(pathPid)))
            return KuraResponse.badRequest("PUT configurations/" + pathPid + " may only carry the configuration of " + pathPid);
        Map<String, Map<String, Object>> validated = manager.validate(sent, false, actor);
        long before = manager.snapshot(actor); // what a rollback returns to
        List<String> changed = manager.write(validated, actor);
        LOG.info("CONF-V1 PUT by {}: changed {} (snapshot {} holds the previous state)", actor, changed, before);
        return KuraResponse.ok();
    }

    private KuraResponse snapshot(String idText) throws IOException {
        long id = parseId(idText);
        Optional<byte[]> xml = manager.snapshots().read(id);
        if (xml.isEmpty()) return KuraResponse.notFound("no snapshot " + id);
        List<ComponentConfiguration> masked = EsfXml.read(xml.get()).stream()
                .map(c -> new ComponentConfiguration(c.pid(), null, c.properties().stream()
                        .map(p -> "Password".equals(p.type()) ? new EsfProperty(p.name(), p.type(), p.array(), true,
                                p.values().stream().map(v -> PropertyValues.PASSWORD_MASK_ON_WIRE).toList()) : p)
                        .toList()))
                .toList();
        return KuraResponse.ok(EsfXml.write(masked));
    }

    private KuraResponse rollback(Optional<String> idText, String actor) throws IOException,
            ConfigurationManager.UnknownPidException {
        Optional<Long> id = idText.isPresent() ? Optional.of(parseId(idText.get())) : manager.snapshots().latest();
        if (id.isEmpty()) return KuraResponse.notFound("there is no snapshot to roll back to");
        Optional<List<String>> changed = manager.rollback(id.get(), actor);
        return changed.isPresent() ? KuraResponse.ok() : KuraResponse.notFound("no snapshot " + id.get());
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a snapshot id is a number, got '" + text + "'");
        }
    }
}
