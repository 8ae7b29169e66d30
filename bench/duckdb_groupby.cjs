// What a data engineer would run instead of `tariff rate`: DuckDB (the npm package
// @duckdb/node-api ships its engine) summing the usage per account/month/product/meter as SQL over
// the CSV file, with no pricing. Prints the key count, the sum and the seconds the query took.
//   DUCKDB_DIR=DIR node bench/duckdb_groupby.cjs USAGE.csv THREADS   (DIR holds node_modules/)
const { createRequire } = require("module");
const { DuckDBInstance } = createRequire(`${process.env.DUCKDB_DIR || process.cwd()}/`)("@duckdb/node-api");

async function main() {
  const [file, threads] = process.argv.slice(2);
  const db = await DuckDBInstance.create(":memory:", { threads: String(threads || 1) });
  const con = await db.connect();
  const path = file.replace(/'/g, "''");
  const start = process.hrtime.bigint();
  const reader = await con.runAndReadAll(`
    SELECT count(*) AS keys, sum(q) AS quantity FROM (
      SELECT account, month, product, meter, sum(quantity) AS q
      FROM read_csv('${path}', header = true,
                    columns = {'account': 'VARCHAR', 'month': 'VARCHAR', 'product': 'VARCHAR',
                               'meter': 'VARCHAR', 'quantity': 'BIGINT'})
      GROUP BY ALL)`);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const [keys, quantity] = reader.getRows()[0];
  console.log(`keys ${keys}, quantity ${quantity}, threads ${threads}, query ${seconds.toFixed(2)} s`);
}
main();
