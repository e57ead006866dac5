package org.microsmartgrid.city.stats;

import java.util.ArrayList;
import java.util.List;

import org.microsmartgrid.city.stats.cer.Community;
import org.microsmartgrid.city.stats.cer.Member;
import org.microsmartgrid.city.stats.cer.Members;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One energy community from its factory configuration ({@code org.microsmartgrid.city.stats.Community-NAME.config}).
 * A configuration with a bad line does not start (logged with the line): a community with a member silently missing
 * would have wrong statements.
 */
@Component(configurationPid = CommunityConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = CommunityService.class)
@Designate(ocd = CommunityConfig.class, factory = true)
public final class CommunityService {

    private static final Logger LOG = LoggerFactory.getLogger(CommunityService.class);

    private Community community;

    @Activate
    void activate(CommunityConfig c) {
        try {
            List<Member> members = new ArrayList<>();
            for (String line : c.members()) if (!line.isBlank()) members.add(Members.parse(line));
            community = new Community(c.id(), c.name(), c.substation(), members);
            LOG.info("energy community {} under {}: {} member(s)", community.id(), community.substation(), members.size());
        } catch (IllegalArgumentException e) {
            LOG.error("energy community {} not started / comunità non avviata: {}", c.id(), e.getMessage());
            throw e;
        }
    }

    public Community community() {
        return community;
    }
}
