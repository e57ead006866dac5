package org.microsmartgrid.coap.server;

import java.util.function.Supplier;

import org.microsmartgrid.coap.senml.SenmlPack;

/**
 * An IPSO object instance (/3305/0, /3306/3): the instance's resources as one SenML pack, named the LwM2M way
 * (base name "/3305/0/", names "5800", ...), observable like our own resources.
 */
final class IpsoInstanceResource extends LiveResource {

    IpsoInstanceResource(int instance, String urn, String interfaceDescription, CoapContext context, Supplier<SenmlPack> content) {
        super(Integer.toString(instance), urn, context, content);
        getAttributes().clearInterfaceDescriptions();
        getAttributes().addInterfaceDescription(interfaceDescription);
    }

    @Override
    protected String baseNamePrefix() {
        return "";
    }
}
