package org.microsmartgrid.city.people.web;

/** An answer: HTTP status and a body that becomes JSON (null: no body). */
public record Reply(int status, Object body) {

    public static Reply ok(Object body) {
        return new Reply(200, body);
    }

    public static Reply created(Object body) {
        return new Reply(201, body);
    }

    public static Reply accepted(Object body) {
        return new Reply(202, body);
    }

    /** Bytes of a media type (a photo), written as they are. */
    public record Raw(String type, byte[] bytes) {
    }

    public static Reply raw(String type, byte[] bytes) {
        return new Reply(200, new Raw(type, bytes));
    }

    public static Reply noContent() {
        return new Reply(204, null);
    }
}
