package org.microsmartgrid.cloud.management.asset;

/**
 * A channel of an asset as Kura describes it.
 *
 * @param type Kura's data type: BOOLEAN, DOUBLE, LONG, INTEGER, FLOAT, STRING
 * @param mode READ, WRITE or READ_WRITE
 */
record AssetChannel(String name, String type, String mode) {
    static AssetChannel read(String name, String type) {
        return new AssetChannel(name, type, "READ");
    }

    static AssetChannel readWrite(String name, String type) {
        return new AssetChannel(name, type, "READ_WRITE");
    }

    boolean writable() {
        return mode.contains("WRITE");
    }
}
