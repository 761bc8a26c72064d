-- Every deployment of models (BPMN, DMN, forms) the engine took: who deployed it, when, through which surface, and per
-- resource what changed against the same resource's previous deployment (SOC 2 change management evidence). Written in
-- the deployment's own transaction, after the deployment checks passed; a refused deployment leaves nothing here.
create table contractflow.model_deployment (
    id           varchar(64)  primary key,   -- the engine's deployment id
    name         varchar(255),
    source       varchar(255),
    deployed_by  varchar(255),               -- null: the platform itself (the classpath's models at start-up)
    deployed_at  timestamptz  not null
);
create index model_deployment_at on contractflow.model_deployment (deployed_at desc);

create table contractflow.model_deployment_resource (
    deployment_id    varchar(64)   not null references contractflow.model_deployment (id),
    resource         varchar(255)  not null,
    sha256           varchar(64)   not null,
    previous_sha256  varchar(64),
    change           varchar(16)   not null, -- ADDED, CHANGED, UNCHANGED
    elements         text          not null, -- JSON object: element id -> digest of the element (diagram layout excluded)
    added            text          not null, -- JSON arrays of element ids against the previous deployment of the resource
    removed          text          not null,
    modified         text          not null,
    primary key (deployment_id, resource)
);
create index model_deployment_resource_name on contractflow.model_deployment_resource (resource);
