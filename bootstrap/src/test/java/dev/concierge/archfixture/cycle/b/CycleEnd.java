package dev.concierge.archfixture.cycle.b;

import dev.concierge.archfixture.cycle.a.CycleStart;

/** The other half of a deliberate package cycle. Test source only. */
public class CycleEnd {

    public CycleStart back() {
        return new CycleStart();
    }
}
