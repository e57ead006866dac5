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

    public static Reply noContent() {
        return new Reply(204, null);
    }
}
