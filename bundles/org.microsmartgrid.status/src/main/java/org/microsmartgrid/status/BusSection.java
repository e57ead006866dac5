package org.microsmartgrid.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.microsmartgrid.api.meter.BusUsage;
import org.microsmartgrid.api.meter.MeterBus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The "buses" section: how much of each meter line its meters ask for and get, so that an installer sees a line
 * that cannot keep up (and splits it) before the sockets' readings go stale. The warning is for people: Italian
 * first, English alongside.
 */
public final class BusSection {
    private BusSection() {
    }

    /** All buses, ordered by id; a bus that fails while being read shows up with its error, not as a 500. */
    public static JsonArray toJson(List<MeterBus> buses) {
        List<JsonObject> items = new ArrayList<>();
        for (MeterBus bus : buses) {
            try {
                items.add(toJson(bus.usage()));
            } catch (RuntimeException e) {
                // the bus's bundle may be stopping while we read it
                JsonObject gone = new JsonObject();
                gone.add("id", Json.string(safeId(bus)));
                gone.add("error", Json.string("bus service unavailable: " + e.getClass().getSimpleName()));
                items.add(gone);
            }
        }
        items.sort(Comparator.comparing(o -> o.get("id").isJsonNull() ? "" : o.get("id").getAsString()));
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    public static JsonObject toJson(BusUsage usage) {
        JsonObject json = new JsonObject();
        json.add("id", Json.string(usage.busId()));
        json.add("line", Json.string(usage.line()));
        json.add("demandPercent", Json.number(usage.demandPercent()));
        json.add("busyPercent", Json.number(usage.busyPercent()));
        json.addProperty("oversubscribed", usage.oversubscribed());
        json.add("warning", warning(usage));
        json.add("error", JsonNull.INSTANCE);
        JsonArray tasks = new JsonArray();
        for (BusUsage.PollUsage t : usage.tasks()) {
            JsonObject task = new JsonObject();
            task.add("meter", Json.string(t.device()));
            task.add("kind", Json.string(t.kind()));
            task.addProperty("priority", t.priority());
            task.addProperty("intervalMs", t.intervalMs());
            task.add("achievedIntervalMs", t.achievedIntervalMs() > 0 ? Json.number((double) t.achievedIntervalMs()) : JsonNull.INSTANCE);
            task.add("requestMs", t.requestMs() > 0 ? Json.number((double) t.requestMs()) : JsonNull.INSTANCE);
            task.add("sinceLastPollMs", t.sinceLastPollMs() >= 0 ? Json.number((double) t.sinceLastPollMs()) : JsonNull.INSTANCE);
            tasks.add(task);
        }
        json.add("tasks", tasks);
        return json;
    }

    private static JsonElement warning(BusUsage usage) {
        if (!usage.oversubscribed()) return JsonNull.INSTANCE;
        String demand = String.format(Locale.ROOT, "%.0f", usage.demandPercent());
        JsonObject w = new JsonObject();
        w.addProperty("it", "Linea sovraccarica: i contatori chiedono il " + demand + " % della linea '" + usage.busId()
                + "'. Il contatore di rete mantiene il suo intervallo; gli altri vengono letti meno spesso del "
                + "configurato (vedi achievedIntervalMs). Dividere la linea in due bus o allungare poll.fast.ms "
                + "dei contatori delle prese.");
        w.addProperty("en", "Line over-subscribed: the meters ask for " + demand + " % of line '" + usage.busId()
                + "'. The grid meter keeps its interval; the others are read less often than configured (see "
                + "achievedIntervalMs). Split the line into two buses or lengthen poll.fast.ms of the socket meters.");
        return w;
    }

    private static String safeId(MeterBus bus) {
        try {
            return bus.id();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
