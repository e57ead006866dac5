package org.microsmartgrid.city.ocpi.auth;

import java.security.SecureRandom;

/**
 * Issues a partner's OCPI credentials token: {@code java -jar org.microsmartgrid.city.ocpi.jar {partner}}. Prints the
 * token for the partner (shown once) and the line to add to {@code partners} in the OCPI configuration.
 */
public final class IssuePartnerToken {

    private IssuePartnerToken() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("uso / usage: java -jar org.microsmartgrid.city.ocpi.jar <partner>");
            System.exit(2);
        }
        PartnerToken.Issued issued;
        try {
            issued = PartnerToken.issue(args[0], new SecureRandom());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("# partner OCPI " + args[0]);
        System.out.println("# token da consegnare al partner (mostrato una volta) / token for the partner (shown once):");
        System.out.println("#   " + issued.token());
        System.out.println("# il partner invia / the partner sends:  Authorization: " + issued.authorizationHeader());
        System.out.println("# nella configurazione OCPI, una riga in partners / in the OCPI configuration, one line in partners:");
        System.out.println(issued.partnerToken().format());
    }
}
