package org.microsmartgrid.cloud.management.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEPLOY-V2, read-only: Kapua's Packages and Bundles tabs list what runs, but nothing can be installed, removed,
 * started or stopped from the cloud. The module switches mains power to sockets: software changes go through a
 * signed, tested Kura deployment package or an installer on site, never one bundle at a time (see
 * docs/cloud-management.md).
 */
@Component(immediate = true, service = RequestHandler.class)
public class DeploymentHandler implements RequestHandler {
    public static final String APP_ID = "DEPLOY-V2";
    /** The one "package" of a module on plain Felix: the runtime built by target-platform/msg-module. */
    public static final String PACKAGE_NAME = "msg-module";
    static final String REFUSAL = "not supported on this module: deploy through Kura/Kapua packages";
    private static final Set<String> ACTIONS = Set.of("download", "install", "uninstall", "start", "stop");
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentHandler.class);

    private final BundleContext context;

    @Activate
    public DeploymentHandler(BundleContext context) {
        this.context = context;
    }

    @Override
    public String appId() {
        return APP_ID;
    }

    @Override
    public KuraResponse handle(KuraRequest request) {
        String resource = request.resource(0).orElse("");
        if (ACTIONS.contains(resource)) {
            LOG.warn("DEPLOY-V2 {} {} from {} refused: read-only", request.method(), request.resources(),
                    request.requesterClientId());
            return KuraResponse.badRequest(REFUSAL);
        }
        if (!KuraRequest.GET.equals(request.method()) || request.resources().size() != 1)
            return KuraResponse.notFound("DEPLOY-V2 has no " + request.method() + " " + String.join("/", request.resources()));
        try {
            return switch (resource) {
                case "bundles" -> KuraResponse.ok(DeployXml.bundles(bundles()));
                case "packages" -> KuraResponse.ok(DeployXml.packages(PACKAGE_NAME,
                        context.getBundle().getVersion().toString(),
                        bundles().stream().filter(b -> b.getBundleId() != 0).toList()));
                default -> KuraResponse.notFound("DEPLOY-V2 has no GET " + resource);
            };
        } catch (RuntimeException e) {
            LOG.error("DEPLOY-V2 GET {} failed", resource, e);
            return KuraResponse.error("internal error: " + e);
        }
    }

    private List<Bundle> bundles() {
        return Arrays.stream(context.getBundles()).toList();
    }
}
