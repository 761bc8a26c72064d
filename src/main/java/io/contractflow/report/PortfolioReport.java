package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import io.contractflow.customfield.CustomFieldDefinition;
import io.contractflow.workflow.LifecycleProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portfolio: how many contracts and what they are worth, by status, type, counterparty, owner
 * and currency. Values are converted to the base currency with the rates the approval matrix uses
 * ({@code contractflow.lifecycle.base-currency}, {@code exchange-rates}); a contract in a currency
 * without a rate is counted but not valued, and shows under "unconverted" (its own amount stays in
 * the currency rows). Each contract's value is converted and rounded to the cent, then summed (in
 * whole cents: PostgreSQL adds integers many times faster than decimals). One statement: {@code
 * group by grouping sets}, the counterparties' names joined to the few groups afterwards.
 */
@Component
class PortfolioReport {

  static final String NAME = "portfolio";
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int TOP = 10;

  private final NamedParameterJdbcTemplate jdbc;
  private final LifecycleProperties money;
  private final Clock clock;

  PortfolioReport(NamedParameterJdbcTemplate jdbc, LifecycleProperties money, Clock clock) {
    this.jdbc = jdbc;
    this.money = money;
    this.clock = clock;
  }

  private record Row(
      String dimension,
      String key,
      long contracts,
      BigDecimal baseValue,
      long unconverted,
      BigDecimal amount) {}

  /**
   * @param groupBy a choice custom field to group by as well (dimension {@code cf.<key>}), or null
   */
  Report build(ContractScope scope, CustomFieldDefinition groupBy) {
    String custom = "cf." + (groupBy == null ? "" : groupBy.key());
    String sql =
        """
        with rates(currency, rate) as (%s),
        v as (
          select c.status, c.type, c.owner, c.counterparty_id, c.value_currency%s,
                 (c.value_amount * 100)::bigint as amount_cents,
                 round(case when c.value_currency = :base then c.value_amount
                            else c.value_amount * r.rate end * 100)::bigint as base_cents
          from contractflow.contract c
          left join rates r on r.currency = c.value_currency
          where %s),
        g as (
          select case when grouping(status) = 0 then 'status' when grouping(type) = 0 then 'type'
                      when grouping(counterparty_id) = 0 then 'counterparty' when grouping(owner) = 0 then 'owner'
                      %s end as dimension,
                 counterparty_id, %s as key,
                 count(*) as contracts,
                 coalesce(sum(base_cents), 0) as base_cents,
                 count(*) filter (where base_cents is null) as unconverted,
                 case when grouping(value_currency) = 0 then sum(amount_cents) end as amount_cents
          from v
          group by grouping sets ((status), (type), (counterparty_id), (owner), (value_currency)%s))
        select g.dimension, coalesce(g.key, cp.name) as key, g.contracts, g.base_cents, g.unconverted,
               g.amount_cents
        from g left join contractflow.counterparty cp on cp.id = g.counterparty_id
        """
            .formatted(
                rates(),
                groupBy == null ? "" : ", c.custom_fields ->> :customKey as cf_value",
                scope.onContract("c"),
                groupBy == null
                    ? "else 'currency'"
                    : "when grouping(value_currency) = 0 then 'currency' else :custom",
                groupBy == null
                    ? "coalesce(status, type, owner, value_currency)"
                    : "case when grouping(cf_value) = 0 then coalesce(cf_value, '(no value)')"
                        + " else coalesce(status, type, owner, value_currency) end",
                groupBy == null ? "" : ", (cf_value)");
    Map<String, Object> params = ReportQueries.params(scope);
    params.put("base", money.baseCurrency());
    params.put("custom", custom);
    if (groupBy != null) {
      params.put("customKey", groupBy.key());
    }
    List<Row> rows =
        jdbc.query(
            sql,
            params,
            (rs, i) ->
                new Row(
                    rs.getString("dimension"),
                    rs.getString("key"),
                    rs.getLong("contracts"),
                    BigDecimal.valueOf(rs.getLong("base_cents"), 2),
                    rs.getLong("unconverted"),
                    rs.getObject("amount_cents") == null
                        ? null
                        : BigDecimal.valueOf(rs.getLong("amount_cents"), 2)));
    Map<String, List<Row>> byDimension = new TreeMap<>();
    for (Row row : rows) {
      byDimension.computeIfAbsent(row.dimension(), d -> new ArrayList<>()).add(row);
    }
    byDimension
        .values()
        .forEach(
            list ->
                list.sort(
                    Comparator.comparing(Row::baseValue)
                        .reversed()
                        .thenComparing(Row::contracts, Comparator.reverseOrder())
                        .thenComparing(Row::key)));
    String base = money.baseCurrency();
    List<String> dimensions = new ArrayList<>(List.of("status", "type", "counterparty", "owner"));
    if (groupBy != null) {
      dimensions.add(custom);
    }
    List<Report.Chart> charts = new ArrayList<>();
    for (String dimension : dimensions) {
      List<Row> list = byDimension.getOrDefault(dimension, List.of());
      List<Row> shown =
          list.size() > TOP && !dimension.equals("status") ? list.subList(0, TOP) : list;
      charts.add(
          new Report.Chart(
              "by-" + dimension,
              "Contracts and value ("
                  + base
                  + ") by "
                  + dimension
                  + (shown.size() < list.size() ? " (top " + TOP + " by value)" : ""),
              "bar",
              shown.stream().map(Row::key).toList(),
              List.of(
                  new Report.Series(
                      "contracts", shown.stream().map(r -> (Number) r.contracts()).toList()),
                  new Report.Series(
                      "value " + base, shown.stream().map(r -> (Number) r.baseValue()).toList()))));
    }
    List<Report.Column> columns =
        List.of(
            new Report.Column("dimension", "Dimension", "string"),
            new Report.Column("key", "Value", "string"),
            new Report.Column("contracts", "Contracts", "number"),
            new Report.Column("baseValue", "Value in " + base, "number"),
            new Report.Column("unconverted", "Contracts without a rate to " + base, "number"),
            new Report.Column("amount", "Amount in its own currency (currency rows)", "number"));
    List<List<Object>> table = new ArrayList<>();
    List<String> tableDimensions =
        new ArrayList<>(List.of("status", "type", "counterparty", "owner", "currency"));
    if (groupBy != null) {
      tableDimensions.add(custom);
    }
    for (String dimension : tableDimensions) {
      for (Row r : byDimension.getOrDefault(dimension, List.of())) {
        table.add(
            java.util.Arrays.asList(
                dimension, r.key(), r.contracts(), r.baseValue(), r.unconverted(), r.amount()));
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "Values in the base currency "
            + base
            + ", converted with the configured rates (contractflow.lifecycle.exchange-rates): "
            + money.exchangeRates().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "1 " + e.getKey() + " = " + e.getValue().toPlainString() + " " + base)
                .collect(Collectors.joining(", "))
            + ".");
    List<Row> withoutRate =
        byDimension.getOrDefault("currency", List.of()).stream()
            .filter(r -> r.unconverted() > 0)
            .toList();
    if (!withoutRate.isEmpty()) {
      long unconverted = withoutRate.stream().mapToLong(Row::unconverted).sum();
      notes.add(
          unconverted
              + (unconverted == 1 ? " contract is" : " contracts are")
              + " in a currency without a configured rate ("
              + withoutRate.stream().map(Row::key).collect(Collectors.joining(", "))
              + "): counted, not valued; the currency rows show their amounts.");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("baseCurrency", base);
    if (groupBy != null) {
      parameters.put("groupBy", custom);
    }
    return new Report(
        NAME,
        "Portfolio: contracts and value by status, type, counterparty, owner",
        clock.instant(),
        ReportQueries.scopeName(scope),
        parameters,
        notes,
        charts,
        new Report.Table(columns, table));
  }

  /** The configured rates as a VALUES list (configuration, checked: currency codes and numbers). */
  private String rates() {
    List<String> values = new ArrayList<>();
    values.add("(cast(null as varchar), cast(null as numeric))");
    money
        .exchangeRates()
        .forEach(
            (currency, rate) -> {
              if (!CURRENCY.matcher(currency).matches()) {
                throw new IllegalStateException(
                    "Not a currency code in exchange-rates: " + currency);
              }
              values.add(
                  "('"
                      + currency
                      + "', "
                      + new BigDecimal(rate.toPlainString()).toPlainString()
                      + ")");
            });
    return "values " + String.join(", ", values);
  }
}
