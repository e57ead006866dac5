package org.microsmartgrid.coap.senml;

/** SenML labels (RFC 8428 §4 and §6): the JSON name and the CBOR integer key of each one we use. */
enum SenmlLabel {
    BASE_NAME("bn", -2),
    BASE_TIME("bt", -3),
    BASE_UNIT("bu", -4),
    NAME("n", 0),
    UNIT("u", 1),
    VALUE("v", 2),
    STRING_VALUE("vs", 3),
    BOOL_VALUE("vb", 4),
    TIME("t", 6);

    private final String jsonName;
    private final int cborKey;

    SenmlLabel(String jsonName, int cborKey) {
        this.jsonName = jsonName;
        this.cborKey = cborKey;
    }

    String jsonName() {
        return jsonName;
    }

    int cborKey() {
        return cborKey;
    }

    /** The label of a field name as a parser reports it: a JSON name, or a CBOR integer key as its decimal text. */
    static SenmlLabel of(String fieldName) {
        for (SenmlLabel l : values())
            if (l.jsonName.equals(fieldName) || Integer.toString(l.cborKey).equals(fieldName)) return l;
        return null;
    }
}
