package io.contractflow.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Seeds the clause library at startup from {@code classpath:templates/clauses/<key>.txt} (a {@code
 * title:} line, then the text): a clause whose key is missing gets version 1; an existing clause is
 * never touched, so admins' later versions stay as they are.
 */
@Component
class ClauseSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ClauseSeeder.class);

  private final ClauseService clauses;

  ClauseSeeder(ClauseService clauses) {
    this.clauses = clauses;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Resource[] resources =
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:templates/clauses/*.txt");
    int added = 0;
    for (Resource resource : resources) {
      String file = resource.getFilename();
      ShippedClause clause =
          ShippedClause.parse(file.substring(0, file.length() - 4), read(resource));
      if (clauses.seed(clause.key(), clause.title(), clause.text())) {
        added++;
      }
    }
    log.info("Clause library: {} shipped clauses, {} added", resources.length, added);
  }

  private static String read(Resource resource) {
    try (var in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
