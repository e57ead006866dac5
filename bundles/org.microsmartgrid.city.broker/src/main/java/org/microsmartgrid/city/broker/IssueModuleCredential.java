package org.microsmartgrid.city.broker;

import java.security.SecureRandom;

/**
 * Issues one module's broker credential: {@code java -jar org.microsmartgrid.city.broker.jar {account} {client id}}.
 * Prints the password for the module's cloud link (shown once) and the line to add to the broker's {@code modules}.
 */
public final class IssueModuleCredential {

    private IssueModuleCredential() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("uso / usage: java -jar org.microsmartgrid.city.broker.jar <account> <client id>");
            System.exit(2);
        }
        ModuleCredential.Issued issued;
        try {
            issued = ModuleCredential.issue(args[0], args[1], new SecureRandom());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("# modulo / module " + args[0] + "/" + args[1]);
        System.out.println("# nel collegamento cloud del modulo / in the module's cloud link:");
        System.out.println("#   account.name=\"" + args[0] + "\"  client.id=\"" + args[1] + "\"  username=\"" + args[1] + "\"");
        System.out.println("#   password=\"" + issued.password() + "\"");
        System.out.println("# nel broker della città, una riga in modules / in the city broker, one line in modules:");
        System.out.println(issued.credential().format());
    }
}
