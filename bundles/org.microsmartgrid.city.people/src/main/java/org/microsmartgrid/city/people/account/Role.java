package org.microsmartgrid.city.people.account;

/**
 * What a person may do (docs/people.md, authorization matrix). Every account is a CITIZEN; PROVIDER is taken by
 * oneself (anyone may offer a socket), BUSINESS, MODERATOR, MUNICIPALITY and OPERATOR are granted by an operator
 * (the first operator and moderator through the staff list, see docs/people.md).
 */
public enum Role {
    CITIZEN, PROVIDER, BUSINESS, MODERATOR, MUNICIPALITY, OPERATOR
}
