package org.stocktake;

import org.springframework.context.annotation.Import;
import org.stocktake.support.PostgresTestConfiguration;
import org.stocktake.support.StocktakeSpringTest;

@StocktakeSpringTest
@Import(PostgresTestConfiguration.class)
class ImportOverHttpOnPostgresTest extends ImportOverHttpTest {
}
