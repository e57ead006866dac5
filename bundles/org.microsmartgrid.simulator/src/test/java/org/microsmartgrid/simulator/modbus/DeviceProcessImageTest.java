package org.microsmartgrid.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

class DeviceProcessImageTest {
    private static DeviceImage words(int... values) {
        short[] w = new short[values.length];
        for (int i = 0; i < values.length; i++) w[i] = (short) values[i];
        return DeviceImage.inputRegisters(w);
    }

    @Test
    void answersFromTheLastPublishedImage() {
        DeviceProcessImage d = new DeviceProcessImage(1, Duration.ofSeconds(1));
        d.publish(words(1, 2, 3));
        d.publish(words(4, 5, 6));
        assertEquals(5, d.getInputRegisterRange(1, 1)[0].getValue());
        assertEquals(3, d.getInputRegisterCount());
    }

    @Test
    void readsOutsideTheMapAreIllegalAddresses() {
        DeviceProcessImage d = new DeviceProcessImage(1, Duration.ofSeconds(1));
        d.publish(words(1, 2, 3));
        assertThrows(IllegalAddressException.class, () -> d.getInputRegisterRange(2, 2));
        assertThrows(IllegalAddressException.class, () -> d.getRegisterRange(0, 1), "no holding registers on an Eastron image");
    }

    @Test
    void exceptionFaultRefusesEveryRead() {
        DeviceProcessImage d = new DeviceProcessImage(1, Duration.ofSeconds(1));
        d.publish(words(1, 2, 3));
        d.setFault(DeviceFault.EXCEPTION);
        assertThrows(IllegalAddressException.class, () -> d.getInputRegisterRange(0, 1));
        d.setFault(DeviceFault.NONE);
        assertEquals(1, d.getInputRegisterRange(0, 1)[0].getValue());
    }

    @Test
    void aFrozenDeviceKeepsItsLastValues() {
        DeviceProcessImage d = new DeviceProcessImage(1, Duration.ofSeconds(1));
        d.publish(words(1));
        d.setFault(DeviceFault.FROZEN);
        d.publish(words(2));
        assertEquals(1, d.getInputRegisterRange(0, 1)[0].getValue());
        d.setFault(DeviceFault.NONE);
        d.publish(words(3));
        assertEquals(3, d.getInputRegisterRange(0, 1)[0].getValue());
    }

    @Test
    void holdingRegistersRefuseWrites() {
        DeviceProcessImage d = new DeviceProcessImage(1, Duration.ofSeconds(1));
        d.publish(DeviceImage.holdingRegisters(40000, new short[] {7}));
        assertThrows(IllegalAddressException.class, () -> d.getRegister(40000).setValue(1));
        assertEquals(7, d.getRegister(40000).getValue());
    }

    @Test
    void aSilentDeviceReleasesAHeldRequestWhenHealed() throws Exception {
        DeviceProcessImage d = new DeviceProcessImage(1, Duration.ofSeconds(60));
        d.publish(words(9));
        d.setFault(DeviceFault.SILENT);
        int[] answer = {-1};
        Thread reader = new Thread(() -> answer[0] = d.getInputRegisterRange(0, 1)[0].getValue());
        reader.start();
        reader.join(300);
        assertEquals(-1, answer[0], "still held while silent");
        d.setFault(DeviceFault.NONE);
        reader.join(10_000);
        assertEquals(9, answer[0]);
    }
}
