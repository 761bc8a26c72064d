package io.contractflow.report;

import io.contractflow.contract.ContractScope;
import java.util.HashMap;
import java.util.Map;

/** Small helpers the report queries share. */
final class ReportQueries {

  private ReportQueries() {}

  static Map<String, Object> params(ContractScope scope) {
    return new HashMap<>(scope.parameters());
  }

  static String scopeName(ContractScope scope) {
    return scope.all() ? "all" : "readable";
  }

  static double round(double value, int digits) {
    double factor = Math.pow(10, digits);
    return Math.round(value * factor) / factor;
  }
}
