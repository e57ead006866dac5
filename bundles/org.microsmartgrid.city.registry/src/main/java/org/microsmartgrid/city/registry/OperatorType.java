package org.microsmartgrid.city.registry;

/**
 * Who offers the point. A PRIVATE_INDIVIDUAL's name, phone and exact home address never appear in public answers.
 */
public enum OperatorType {
    PUBLIC_BODY, BUSINESS, CONDOMINIUM, PRIVATE_INDIVIDUAL
}
