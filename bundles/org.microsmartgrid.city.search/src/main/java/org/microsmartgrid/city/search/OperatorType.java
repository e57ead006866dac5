package org.microsmartgrid.city.search;

/** Who runs a point (Open Charge Map's operator kinds and the registry's condominiums, DESIGN.md §9). */
public enum OperatorType {
    BUSINESS, PUBLIC_BODY, PRIVATE_INDIVIDUAL, CONDOMINIUM
}
