package org.microsmartgrid.city.stats.cer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A renewable energy community: member buildings under one primary substation (cabina primaria), the perimeter in
 * which Italian rules count energy as shared (D.Lgs. 199/2021 art. 31; ARERA TIAD).
 *
 * @param id         stable id (letters, digits, {@code - _})
 * @param name       public name
 * @param substation the primary substation's code, as the DSO's map gives it
 * @param members    its members, past and present
 */
public record Community(String id, String name, String substation, List<Member> members) {

    public Community {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) throw new IllegalArgumentException("community id: " + id);
        if (substation == null || substation.isBlank())
            throw new IllegalArgumentException("community " + id + " has no primary substation");
        members = List.copyOf(members);
        Set<String> seen = new HashSet<>();
        for (Member m : members) {
            if (!seen.add(m.module())) throw new IllegalArgumentException("member " + m.module()
                    + " is listed twice in community " + id + " (one line per membership period is a TODO)");
        }
        if (name == null || name.isBlank()) name = id;
    }
}
