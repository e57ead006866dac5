package org.microsmartgrid.city.stats;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CommunityConfig.PID, name = "Comunità energetica / Energy community",
        description = "Una comunità energetica rinnovabile: i moduli degli edifici membri sotto la stessa cabina "
                + "primaria / A renewable energy community: the modules of member buildings under one primary "
                + "substation (docs/energy-community.md).")
public @interface CommunityConfig {

    String PID = "org.microsmartgrid.city.stats.Community";

    @AttributeDefinition(name = "Id", description = "Letters, digits, - and _; stable (it names the statements).")
    String id();

    @AttributeDefinition(name = "Nome / Name")
    String name() default "";

    @AttributeDefinition(name = "Cabina primaria / Primary substation",
            description = "The code of the primary substation every member is connected under (DSO's map).")
    String substation();

    @AttributeDefinition(name = "Membri / Members",
            description = "One per line: account/clientId;joined;left;name (dates YYYY-MM-DD, left may be empty).")
    String[] members() default {};
}
