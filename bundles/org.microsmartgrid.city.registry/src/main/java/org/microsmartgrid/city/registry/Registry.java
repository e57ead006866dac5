package org.microsmartgrid.city.registry;

import java.util.List;
import java.util.Optional;

/**
 * The registry: the truth about every charging point. Writes from module messages are idempotent and ordered by the
 * message's capture time; each returns whether it changed anything.
 */
public interface Registry {

    /** Registers or updates the module and its location; marks it online. */
    boolean moduleBirth(ModuleBirth birth);

    /**
     * Marks the module offline (DC, LWT, lost connection) unless it was born again after {@code at}.
     *
     * @return false when unknown or already newer
     */
    boolean moduleOffline(String account, String clientId, long at);

    /** Records that the module was heard at this capture time (any message). */
    void heard(String account, String clientId, long capturedAt);

    /** Updates a socket's status if the update is newer than the stored one. */
    boolean socketStatus(SocketUpdate update);

    /** Stores a session record; a CLOSED record replaces an OPEN one, never the reverse; duplicates change nothing. */
    boolean session(SessionRecord record);

    /** Adds or replaces a point that no module reports (issue "People and power"): not monitored. */
    void putUnmonitored(Location location);

    Optional<Location> location(String id);

    /** The location a module reports, if it was born. */
    Optional<Location> locationOfModule(String account, String clientId);

    /** Every location, ordered by id (for exports and to rebuild in-memory indexes). */
    List<Location> all();

    /** A page of locations ordered by id. */
    List<Location> page(int offset, int limit);

    int count();

    /** Modules online now. */
    int modulesOnline();

    int sessions();
}
