package org.microsmartgrid.console;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component property type instance as DS would make it: given values, else the annotation's defaults. */
final class Configs {
    private Configs() {
    }

    static InstallerAuthenticationConfig auth(Map<String, Object> values) {
        return (InstallerAuthenticationConfig) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {InstallerAuthenticationConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) return values.get(method.getName());
                    if (method.getDefaultValue() != null) return method.getDefaultValue();
                    if (method.getReturnType() == String[].class) return new String[0]; // DS: absent array
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
