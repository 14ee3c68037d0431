package org.stocktake;

import org.springframework.context.annotation.Import;
import org.stocktake.support.OwnEngine;
import org.stocktake.support.PostgresTestConfiguration;
import org.stocktake.support.StocktakeSpringTest;

@OwnEngine
@StocktakeSpringTest
@Import(PostgresTestConfiguration.class)
class ImportOverHttpOnPostgresTest extends ImportOverHttpTest {
}
