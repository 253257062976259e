package dev.concierge.archfixture.cycle.a;

import dev.concierge.archfixture.cycle.b.CycleEnd;

/** One half of a deliberate package cycle. Test source only. */
public class CycleStart {

    public CycleEnd next() {
        return new CycleEnd();
    }
}
