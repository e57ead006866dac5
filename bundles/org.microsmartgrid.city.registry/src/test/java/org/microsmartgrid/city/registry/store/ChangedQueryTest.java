package org.microsmartgrid.city.registry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;
import org.microsmartgrid.city.registry.OperatorType;
import org.microsmartgrid.city.registry.Registry;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The database's answer to "public locations changed in [from, to)" (what OCPI partners page by) equals the
 * definition in Java ({@link Registry#changedAt}, {@link Registry#publishable}), whatever the positions (missing, out
 * of range, NaN) and times.
 */
class ChangedQueryTest {

    @Property(tries = 25)
    void theSqlPageIsTheJavaDefinition(@ForAll @Size(max = 25) List<@net.jqwik.api.From("points") Location> points,
                                       @ForAll("times") long from, @ForAll("times") long to,
                                       @ForAll @IntRange(max = 30) int offset, @ForAll @IntRange(min = 1, max = 30) int limit) {
        JdbcRegistry db = new JdbcRegistry(TestDatabases.fresh(), null);
        for (Location p : points) db.putUnmonitored(p);
        Registry reference = byDefinition(db);
        assertEquals(reference.countChanged(from, to), db.countChanged(from, to));
        assertEquals(ids(reference.pageChanged(from, to, offset, limit)), ids(db.pageChanged(from, to, offset, limit)));
    }

    /** The interface's own default methods, on the database's list of every location. */
    private static Registry byDefinition(JdbcRegistry db) {
        InvocationHandler h = (proxy, m, args) -> m.isDefault() ? InvocationHandler.invokeDefault(proxy, m, args)
                : m.invoke(db, args);
        return (Registry) Proxy.newProxyInstance(Registry.class.getClassLoader(), new Class<?>[] {Registry.class}, h);
    }

    private static List<String> ids(List<Location> ls) {
        return ls.stream().map(Location::id).toList();
    }

    @Provide
    Arbitrary<Long> times() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 20), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<Location> points() {
        Arbitrary<Double> lat = Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90),
                Arbitraries.of(90.0, -90.0, 90.5, Double.NaN), Arbitraries.just(null));
        Arbitrary<Double> lon = Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180),
                Arbitraries.of(180.0, -180.5, Double.NaN), Arbitraries.just(null));
        Arbitrary<List<Evse>> evses = Arbitraries.longs().between(0, 20).list().ofMaxSize(3).map(ts -> {
            List<Evse> out = new java.util.ArrayList<>();
            for (int i = 0; i < ts.size(); i++)
                out.add(new Evse(i + 1, EvseStatus.UNKNOWN, ts.get(i), null, List.of(Connector.schuko())));
            return out;
        });
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(8), lat, lon,
                Arbitraries.longs().between(0, 20), evses).as((id, la, lo, updated, es) -> new Location(id, "P " + id,
                null, null, la, lo, OperatorType.BUSINESS, false, Set.of(), Set.of(), null, false, null, updated, null, es));
    }
}
