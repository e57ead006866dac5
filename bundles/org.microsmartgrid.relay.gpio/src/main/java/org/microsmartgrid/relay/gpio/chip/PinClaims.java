package org.microsmartgrid.relay.gpio.chip;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who holds which pin and which relay id. Pure bookkeeping; the Pi4J side is in {@link Pi4jGpioPins}. */
final class PinClaims {

    /** @param use "output" or "feedback input" */
    record Claim(String owner, String label, String use) {
        String describe() {
            return label + " (" + use + ")";
        }
    }

    private final Map<Integer, Claim> pins = new HashMap<>();
    private final Map<String, String> relayIdOwners = new HashMap<>();

    synchronized void claimPin(int bcm, Claim claim) {
        Claim held = pins.get(bcm);
        if (held != null) throw new PinClaimedException("BCM " + bcm + " is already used by " + held.describe()
                + "; " + claim.describe() + " cannot use it too");
        pins.put(bcm, claim);
    }

    synchronized void releasePin(int bcm, String owner) {
        Claim held = pins.get(bcm);
        if (held != null && held.owner().equals(owner)) pins.remove(bcm);
    }

    /** Frees everything the owner holds and returns its pins. */
    synchronized List<Integer> releaseAll(String owner) {
        List<Integer> released = pins.entrySet().stream().filter(e -> e.getValue().owner().equals(owner))
                .map(Map.Entry::getKey).sorted().toList();
        released.forEach(pins::remove);
        relayIdOwners.values().removeIf(owner::equals);
        return released;
    }

    synchronized void claimRelayId(String owner, String relayId) {
        String held = relayIdOwners.get(relayId);
        if (held != null && !held.equals(owner))
            throw new PinClaimedException("relay id '" + relayId + "' is already used by configuration " + held);
        relayIdOwners.values().removeIf(owner::equals); // an owner has one id; a changed id frees the old one
        relayIdOwners.put(relayId, owner);
    }

    synchronized Set<String> relayIdsExcept(String owner) {
        Set<String> ids = new HashSet<>();
        relayIdOwners.forEach((id, o) -> {
            if (!o.equals(owner)) ids.add(id);
        });
        return ids;
    }
}
