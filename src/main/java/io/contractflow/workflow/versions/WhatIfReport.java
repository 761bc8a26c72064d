package io.contractflow.workflow.versions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A changed approval matrix replayed on the decisions of past contracts: which contracts it would
 * route to other groups.
 *
 * @param contracts how many contracts' latest evaluation was replayed
 * @param unchanged how many of them would be routed as before
 * @param missingInputs inputs of the new matrix that no stored evaluation has (replayed as null)
 * @param changes the contracts whose groups differ
 * @param failures the contracts the new matrix could not be evaluated for, and why
 */
record WhatIfReport(
    String decisionKey,
    int contracts,
    int unchanged,
    List<String> missingInputs,
    List<Change> changes,
    List<Failure> failures) {

  record Change(
      String contractId,
      String decisionInstanceId,
      Instant evaluatedAt,
      int decisionVersion,
      Map<String, Object> inputs,
      List<String> oldGroups,
      List<String> newGroups,
      List<String> added,
      List<String> removed) {}

  record Failure(String contractId, String decisionInstanceId, String error) {}
}
