package org.stocktake;

import org.stocktake.support.StocktakeSpringTest;

@StocktakeSpringTest
class LifecycleOverHttpOnH2Test extends LifecycleOverHttpTest {
}
