package org.microsmartgrid.meter.modbus.sunspec;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * What discovery found on a device.
 *
 * @param base         address of the "SunS" marker
 * @param models       the model chain in device order
 * @param manufacturer common model Mn (empty when absent)
 * @param model        common model Md
 * @param serial       common model SN
 */
public record SunSpecLayout(int base, List<SunSpecModel> models, String manufacturer, String model, String serial) {
    public SunSpecLayout {
        models = List.copyOf(models);
    }

    public Optional<SunSpecModel> first(IntPredicate id) {
        return models.stream().filter(m -> id.test(m.id())).findFirst();
    }

    public List<Integer> ids() {
        return models.stream().map(SunSpecModel::id).toList();
    }
}
