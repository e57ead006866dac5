package org.microsmartgrid.city.ocpi.mapping;

import java.util.regex.Pattern;

/**
 * Who publishes: the city as a CPO, {@code country_code} "IT" and its {@code party_id} (ISO 15118: three letters or
 * digits), with the city to state for points that have none and the operator's name (optional).
 */
public record Party(String partyId, String defaultCity, String operatorName) {

    public static final String COUNTRY_CODE = "IT";
    /** ISO 3166-1 alpha-3 of every location we publish. */
    public static final String COUNTRY = "ITA";
    public static final String TIME_ZONE = "Europe/Rome";
    private static final Pattern PARTY_ID = Pattern.compile("[A-Z0-9]{3}");

    public Party {
        if (partyId == null || !PARTY_ID.matcher(partyId).matches())
            throw new IllegalArgumentException("party.id: three capital letters or digits (ISO 15118), e.g. MSG; got \""
                    + partyId + "\"");
        defaultCity = defaultCity == null ? "" : defaultCity.strip();
        operatorName = operatorName == null || operatorName.isBlank() ? null : operatorName.strip();
    }
}
