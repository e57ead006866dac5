package org.microsmartgrid.distribution;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.microsmartgrid.cloud.kapua.testing.EmbeddedBroker;
import org.microsmartgrid.kura.payload.KuraMessage;
import org.microsmartgrid.kura.payload.KuraPayloadCodec;

/**
 * Measures, on the exported demo module, how long a security alarm takes to reach a CoAP observer and the cloud
 * (issue 13; docs/benchmarks.md §20). Each round sets the enclosure tamper's mock input HIGH through the simulator's
 * configuration file (as BuildingAccessIT does), waits for the raised alarm on both paths, then sets it LOW again and
 * waits for the cleared alarm. Times, all on this machine's wall clock (the module's log has milliseconds):
 * <ul>
 *   <li>{@code sim}: the simulator's log line "simulated inputs HIGH: [5]" (its configuration applied; it sets the
 *       pin on its next 200 ms re-application, so the pin goes HIGH 0–200 ms later);</li>
 *   <li>{@code raised}: the building bundle's log line "alarm TAMPER RAISED on enclosure" (after the scan and the
 *       200 ms debounce; the listeners are called right after it);</li>
 *   <li>the arrival of the CoAP notification of /building/alarms with {@code enclosure/alarm} true, and of the MQTT
 *       message on {@code .../msg/events/alarm} with {@code active} true at a subscriber on the same broker.</li>
 * </ul>
 * The peer, same run: a plain CoAP GET of /building/alarms (the floor of anything CoAP on this machine), and the time
 * the cleared alarm takes on both paths. Nothing is asserted about the times (they go to the console and
 * target/alarm-latency.txt); every alarm must arrive.
 */
final class AlarmLatencies {

    private static final Pattern LOG_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4})");
    private static final DateTimeFormatter LOG_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final String SIM_HIGH = "simulated inputs HIGH: [5]";
    private static final String RAISED = "alarm TAMPER RAISED on enclosure";
    private static final String CLEARED = "alarm TAMPER cleared on enclosure";

    record Seen(long epochMillis, String text) {
    }

    private AlarmLatencies() {
    }

    /**
     * @param observer  a client on /building/alarms (plain CoAP)
     * @param getter    a fresh client on /building/alarms, for the GET peer
     * @param toggle    sets the tamper input HIGH (true) or LOW (false), as the IT does
     * @param brokerUrl the broker the module's cloud link publishes to
     * @param alarmTopic the full topic of the module's alarm events
     */
    static void measure(int rounds, CoapClient observer, Supplier<CoapClient> getter, Toggle toggle, String brokerUrl,
                        String alarmTopic, ModuleProcess module) throws Exception {
        BlockingQueue<Seen> coap = new LinkedBlockingQueue<>();
        BlockingQueue<Seen> mqtt = new LinkedBlockingQueue<>();
        CoapObserveRelation relation = observer.observe(new CoapHandler() {
            @Override public void onLoad(CoapResponse r) {
                coap.add(new Seen(System.currentTimeMillis(), r.getResponseText()));
            }
            @Override public void onError() { }
        });
        MqttClient cloud = new MqttClient(brokerUrl, "alarm-bench", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setUserName(EmbeddedBroker.USER);
        o.setPassword(EmbeddedBroker.PASSWORD.toCharArray());
        cloud.connect(o);
        cloud.subscribe(alarmTopic, 1, (topic, m) -> {
            KuraMessage k = KuraPayloadCodec.decode(m.getPayload());
            if (!"enclosure".equals(k.metrics().get("source"))) return; // a door left open is another alarm
            mqtt.add(new Seen(System.currentTimeMillis(), String.valueOf(k.metrics().get("active"))));
        });
        List<Double> simToRaised = new ArrayList<>();
        List<Double> raisedToCoap = new ArrayList<>();
        List<Double> raisedToMqtt = new ArrayList<>();
        List<Double> simToCoap = new ArrayList<>();
        List<Double> simToMqtt = new ArrayList<>();
        List<Double> clearedToCoap = new ArrayList<>();
        List<Double> clearedToMqtt = new ArrayList<>();
        List<Double> get = new ArrayList<>();
        try {
            await(coap, t -> t.contains("\"n\":\"enclosure/alarm\",\"vb\":false"), module, "no alarm at first");
            for (int round = 0; round < rounds; round++) {
                int from = module.logText().length();
                coap.clear();
                mqtt.clear();
                toggle.set(true);
                Seen c = await(coap, t -> t.contains("\"n\":\"enclosure/alarm\",\"vb\":true"), module, "the alarm");
                Seen m = await(mqtt, "true"::equals, module, "the alarm event");
                String log = logAfter(module, from, RAISED);
                long sim = logTime(log, SIM_HIGH);
                long raised = logTime(log, RAISED);
                simToRaised.add((double) (raised - sim));
                raisedToCoap.add((double) (c.epochMillis() - raised));
                raisedToMqtt.add((double) (m.epochMillis() - raised));
                simToCoap.add((double) (c.epochMillis() - sim));
                simToMqtt.add((double) (m.epochMillis() - sim));

                from = module.logText().length();
                toggle.set(false);
                c = await(coap, t -> t.contains("\"n\":\"enclosure/alarm\",\"vb\":false"), module, "the alarm cleared");
                m = await(mqtt, "false"::equals, module, "the cleared event");
                long cleared = logTime(logAfter(module, from, CLEARED), CLEARED);
                clearedToCoap.add((double) (c.epochMillis() - cleared));
                clearedToMqtt.add((double) (m.epochMillis() - cleared));

                for (int i = 0; i < 3; i++) { // the peer, between the rounds
                    long t0 = System.nanoTime();
                    CoapResponse r = getter.get().get();
                    assertNotNull(r, "no answer to GET /building/alarms");
                    get.add((System.nanoTime() - t0) / 1e6);
                }
            }
        } finally {
            relation.proactiveCancel();
            cloud.disconnect();
            cloud.close();
        }
        String report = "Alarm latencies on the exported module, " + rounds + " rounds (ms, p50 / p95 / max):\n"
                + "  simulator applied HIGH -> alarm raised (pin 0-200 ms, scan, debounce 200 ms): " + stats(simToRaised) + "\n"
                + "  alarm raised -> CoAP notification of /building/alarms:                        " + stats(raisedToCoap) + "\n"
                + "  alarm raised -> MQTT msg/events/alarm at a subscriber:                         " + stats(raisedToMqtt) + "\n"
                + "  simulator applied HIGH -> CoAP notification:                                    " + stats(simToCoap) + "\n"
                + "  simulator applied HIGH -> MQTT event:                                           " + stats(simToMqtt) + "\n"
                + "  alarm cleared -> CoAP notification:                                             " + stats(clearedToCoap) + "\n"
                + "  alarm cleared -> MQTT event:                                                    " + stats(clearedToMqtt) + "\n"
                + "  peer: plain CoAP GET /building/alarms round trip:                               " + stats(get) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target", "alarm-latency.txt"), report, StandardCharsets.UTF_8);
        // one line per round, to see whether a slow CoAP and a slow MQTT round are the same (the machine) or not
        StringBuilder rows = new StringBuilder("round,sim_to_raised,raised_to_coap,raised_to_mqtt,cleared_to_coap,cleared_to_mqtt\n");
        for (int i = 0; i < simToRaised.size(); i++)
            rows.append(String.format(Locale.ROOT, "%d,%.0f,%.0f,%.0f,%.0f,%.0f%n", i + 1, simToRaised.get(i),
                    raisedToCoap.get(i), raisedToMqtt.get(i), clearedToCoap.get(i), clearedToMqtt.get(i)));
        Files.writeString(Path.of("target", "alarm-latency-rounds.csv"), rows, StandardCharsets.UTF_8);
    }

    /** Sets the tamper input's level through the simulator's file. */
    interface Toggle {
        void set(boolean high) throws Exception;
    }

    /** The module's log from {@code from} on, once it has the line {@code until} (written just before the listeners). */
    private static String logAfter(ModuleProcess module, int from, String until) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            String text = module.logText();
            String after = text.length() > from ? text.substring(from) : "";
            if (after.contains(until)) return after;
            Thread.sleep(50);
        }
        throw new AssertionError("no log line '" + until + "'\n" + module.logTail());
    }

    /** The time of the first log line containing {@code marker}. */
    private static long logTime(String log, String marker) {
        for (String line : log.split("\n")) {
            if (!line.contains(marker)) continue;
            Matcher m = LOG_TIME.matcher(line);
            if (m.find()) return OffsetDateTime.parse(m.group(1), LOG_FORMAT).toInstant().toEpochMilli();
        }
        throw new AssertionError("no timed log line with '" + marker + "' in:\n" + log);
    }

    private static Seen await(BlockingQueue<Seen> queue, Predicate<String> condition, ModuleProcess module, String what)
            throws Exception {
        return CoapLatencies.awaitFirst(queue, Seen::text, condition, module, what);
    }

    private static String stats(List<Double> values) {
        if (values.isEmpty()) return "(none)";
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f (n=%d)", v.get(v.size() / 2),
                v.get(Math.min(v.size() - 1, (int) Math.ceil(v.size() * 0.95) - 1)), v.get(v.size() - 1), v.size());
    }
}
