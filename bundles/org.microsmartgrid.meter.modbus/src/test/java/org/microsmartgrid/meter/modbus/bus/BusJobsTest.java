package org.microsmartgrid.meter.modbus.bus;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.meter.modbus.poll.PollKind;
import org.microsmartgrid.meter.modbus.poll.PolledDevice;
import org.microsmartgrid.meter.modbus.registers.Table;
import org.microsmartgrid.meter.modbus.testing.Await;
import org.microsmartgrid.meter.modbus.testing.Settings;
import org.microsmartgrid.meter.modbus.testing.Slave;

/** Writes queued on a bus take turns with the polls of a meter that is always due: neither starves the other. */
class BusJobsTest {

    @Test
    void writesAndPollsTakeTurnsOnTheOneConnection() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        try (Slave slave = Slave.start()) {
            slave.holdingWord(1, 0, 0);
            slave.holdingWord(1, 9, 0);
            BusPoller bus = BusPoller.withJ2mod(Settings.tcpBus("test", slave.port(), 1000));
            bus.start();
            try {
                PolledDevice alwaysDue = new PolledDevice() {
                    public long intervalMillis(PollKind kind) {
                        return kind == PollKind.FAST ? 0 : 60_000;
                    }

                    public int poll(PollKind kind, RegisterReader reader) {
                        try {
                            reader.read(1, Table.HOLDING, 0, 1);
                            order.add("P");
                            return 0;
                        } catch (ReadFailure f) {
                            return 1;
                        }
                    }

                    public String describe() {
                        return "always due";
                    }
                };
                bus.attach(alwaysDue);
                Await.until("polling", () -> order.size() > 3);
                for (int i = 1; i <= 5; i++) {
                    int value = i;
                    bus.submit(client -> {
                        try {
                            client.writeHolding(1, 9, new int[] {value});
                            order.add("J" + value);
                        } catch (ReadFailure f) {
                            order.add("failed " + f.getMessage());
                        }
                    });
                }
                Await.until("all writes done", () -> order.contains("J5"), () -> order.toString());
                Await.until("polls go on", () -> order.lastIndexOf("P") > order.indexOf("J5"));
                bus.detach(alwaysDue);
                List<String> seen;
                synchronized (order) {
                    seen = List.copyOf(order);
                }
                List<String> jobs = seen.stream().filter(s -> !s.equals("P")).toList();
                assertEquals(List.of("J1", "J2", "J3", "J4", "J5"), jobs, "every write, in order, none failed");
                for (int i = 1; i < seen.size(); i++)
                    assertFalse(seen.get(i).startsWith("J") && seen.get(i - 1).startsWith("J"),
                            "two writes in a row while the meter was due: " + seen);
                assertEquals(5, slave.unit(1).getRegister(9).getValue(), "the last write is in the device");
            } finally {
                bus.stop();
            }
        }
    }
}
