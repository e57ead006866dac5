package org.microsmartgrid.city.ocpi.model;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON writer for OCPI: snake_case names, null fields left out (OCPI: "may be considered as null values"). */
public final class OcpiJson {

    public static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .disableHtmlEscaping()
            .create();

    private OcpiJson() {
    }
}
