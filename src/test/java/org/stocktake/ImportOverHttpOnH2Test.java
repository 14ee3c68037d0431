package org.stocktake;

import org.stocktake.support.StocktakeSpringTest;

@StocktakeSpringTest
class ImportOverHttpOnH2Test extends ImportOverHttpTest {
}
