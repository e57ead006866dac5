package org.microsmartgrid.api.tariff;

/** ARERA time-of-use bands: F1 peak, F2 intermediate, F3 off-peak (nights, Sundays, holidays). */
public enum TariffBand {
    F1, F2, F3
}
