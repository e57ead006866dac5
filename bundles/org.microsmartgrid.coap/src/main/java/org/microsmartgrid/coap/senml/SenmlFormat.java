package org.microsmartgrid.coap.senml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

/**
 * The content formats we speak: SenML and plain JSON/CBOR objects, each over one Jackson factory, so the same
 * streaming code writes and reads both encodings.
 */
public enum SenmlFormat {
    /** application/senml+json (110). */
    SENML_JSON(110, true),
    /** application/senml+cbor (112). */
    SENML_CBOR(112, true),
    /** application/json (50): a small object such as {"limit":3000,"duration":600}. */
    JSON(50, false),
    /** application/cbor (60): the same object in CBOR. */
    CBOR(60, false);

    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final CBORFactory CBOR_FACTORY = new CBORFactory();

    private final int contentFormat;
    private final boolean senml;

    SenmlFormat(int contentFormat, boolean senml) {
        this.contentFormat = contentFormat;
        this.senml = senml;
    }

    public int contentFormat() {
        return contentFormat;
    }

    public boolean senml() {
        return senml;
    }

    public boolean cbor() {
        return this == SENML_CBOR || this == CBOR;
    }

    JsonFactory factory() {
        return cbor() ? CBOR_FACTORY : JSON_FACTORY;
    }

    /** The format of a CoAP content-format number, or null when we do not speak it. */
    public static SenmlFormat of(int contentFormat) {
        for (SenmlFormat f : values()) if (f.contentFormat == contentFormat) return f;
        return null;
    }
}
