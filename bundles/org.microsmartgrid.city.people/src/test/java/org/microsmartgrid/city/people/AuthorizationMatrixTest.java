package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;
import org.microsmartgrid.city.people.web.Route;

/**
 * Walks the authorization matrix of docs/people.md: every route of the server as every role (and anonymous), and
 * compares who was refused by the role check with the table. The table and the route table must list the same
 * routes: a new endpoint without its row fails here.
 */
class AuthorizationMatrixTest {

    static final List<String> COLUMNS = List.of("anonymous", "citizen", "provider", "business", "moderator",
            "municipality", "operator");

    record Row(String method, String path, List<Boolean> allowed) {
        String key() {
            return method + " " + path;
        }
    }

    static List<Row> matrix() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../../docs/people.md"));
        int start = lines.indexOf("| method | path | " + String.join(" | ", COLUMNS) + " |");
        assertTrue(start >= 0, "matrix header in docs/people.md");
        List<Row> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            List<Boolean> allowed = new ArrayList<>();
            for (int c = 3; c < 3 + COLUMNS.size(); c++) {
                String v = cells[c].strip();
                assertTrue(v.equals("✓") || v.equals("✗"), "cell " + v + " in " + lines.get(i));
                allowed.add(v.equals("✓"));
            }
            rows.add(new Row(cells[1].strip(), cells[2].strip(), allowed));
        }
        return rows;
    }

    @Test
    void everyRouteAsEveryRoleIsAllowedOrRefusedAsTheTableSays() throws Exception {
        List<Row> rows = matrix();
        try (TestCity city = new TestCity()) {
            TreeSet<String> documented = new TreeSet<>();
            rows.forEach(r -> documented.add(r.key()));
            TreeSet<String> served = new TreeSet<>();
            for (Route r : city.people.servlet().routes()) served.add(r.method() + " " + r.path());
            assertEquals(served, documented, "docs/people.md lists exactly the server's routes");

            Map<String, Client> personas = new LinkedHashMap<>();
            personas.put("anonymous", city.client());
            personas.put("citizen", city.person("m-citizen@example.org"));
            personas.put("provider", city.person("m-provider@example.org", Role.PROVIDER));
            personas.put("business", city.person("m-business@example.org", Role.BUSINESS));
            personas.put("moderator", city.person("m-moderator@example.org", Role.MODERATOR));
            personas.put("municipality", city.person("m-municipality@example.org", Role.MUNICIPALITY));
            personas.put("operator", city.person("m-operator@example.org", Role.OPERATOR));

            // routes that change the caller (take a role, end the session) go last
            List<Row> ordered = new ArrayList<>(rows);
            ordered.sort(Comparator.comparingInt(r -> r.path().endsWith("/provider") ? 1 : r.path().endsWith("/logout") ? 2 : 0));
            List<String> wrong = new ArrayList<>();
            int calls = 0;
            for (Row row : ordered) {
                String path = row.path().replaceAll("\\{[a-z]+}", "matrix-none");
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Client who = personas.get(COLUMNS.get(c));
                    var r = row.method().equals("GET") ? who.get(path) : who.send(row.method(), path, "{}", "application/json");
                    calls++;
                    boolean refused = r.status() == 401 && r.text().contains("Accesso richiesto")
                            || r.status() == 403 && r.text().contains("ruolo richiesto");
                    if (refused == row.allowed().get(c))
                        wrong.add(row.key() + " as " + COLUMNS.get(c) + ": " + r.status() + " " + r.text());
                }
            }
            assertEquals(List.of(), wrong);
            assertEquals(rows.size() * COLUMNS.size(), calls);
        }
    }
}
