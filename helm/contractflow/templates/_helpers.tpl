{{/*
Expand the name of the chart.
*/}}
{{- define "contractflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name.
Truncated at 63 characters because some Kubernetes name fields are limited to that (by the DNS naming spec).
If the release name contains the chart name, it is used as the full name.
*/}}
{{- define "contractflow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version as used by the chart label.
*/}}
{{- define "contractflow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "contractflow.labels" -}}
helm.sh/chart: {{ include "contractflow.chart" . }}
{{ include "contractflow.selectorLabels" . }}
app.kubernetes.io/version: {{ include "contractflow.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "contractflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "contractflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the service account to use.
*/}}
{{- define "contractflow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "contractflow.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag: image.tag, or the chart's appVersion.
*/}}
{{- define "contractflow.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion | toString }}
{{- end }}

{{/*
Full image reference.
*/}}
{{- define "contractflow.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "contractflow.imageTag" .) }}
{{- end }}

{{/*
The e-signature vendors: the environment name of each, as in CONTRACTFLOW_SIGNING_<NAME>_ENABLED.
*/}}
{{- define "contractflow.vendorEnvNames" -}}
docusign: DOCUSIGN
adobeSign: ADOBESIGN
pandadoc: PANDADOC
rightSignature: RIGHTSIGNATURE
{{- end }}

{{/*
Non-secret settings as environment variables (the ConfigMap's data). Values are quoted strings.
*/}}
{{- define "contractflow.config" -}}
SPRING_PROFILES_ACTIVE: {{ ternary "prod,keycloak" "prod" .Values.keycloak.enabled | quote }}
PORT: "8080"
PGHOST: {{ required "postgresql.host is required" .Values.postgresql.host | quote }}
PGPORT: {{ .Values.postgresql.port | quote }}
PGDATABASE: {{ .Values.postgresql.database | quote }}
PGUSER: {{ .Values.postgresql.user | quote }}
{{- if .Values.keycloak.enabled }}
KEYCLOAK_ISSUER_URI: {{ required "keycloak.issuerUri is required with keycloak.enabled" .Values.keycloak.issuerUri | quote }}
{{- with .Values.keycloak.backChannelUri }}
KEYCLOAK_BACKCHANNEL_URI: {{ . | quote }}
{{- end }}
KEYCLOAK_AUDIENCE: {{ .Values.keycloak.audience | quote }}
KEYCLOAK_WEBAPP_CLIENT_ID: {{ .Values.keycloak.webappClientId | quote }}
KEYCLOAK_IDENTITY_CLIENT_ID: {{ .Values.keycloak.identityClientId | quote }}
{{- end }}
CONTRACTFLOW_DOCUMENTS_STORAGE_TYPE: "s3"
CONTRACTFLOW_DOCUMENTS_STORAGE_S3_BUCKET: {{ .Values.documents.s3.bucket | quote }}
CONTRACTFLOW_DOCUMENTS_STORAGE_S3_REGION: {{ .Values.documents.s3.region | quote }}
CONTRACTFLOW_DOCUMENTS_STORAGE_S3_PATHSTYLE: {{ .Values.documents.s3.pathStyle | quote }}
{{- with .Values.documents.s3.endpoint }}
CONTRACTFLOW_DOCUMENTS_STORAGE_S3_ENDPOINT: {{ . | quote }}
{{- end }}
CONTRACTFLOW_AUDIT_ANCHORS_STORE: "s3"
CONTRACTFLOW_AUDIT_ANCHORS_S3_PREFIX: {{ .Values.auditAnchors.s3.prefix | quote }}
{{- with .Values.auditAnchors.s3.bucket }}
CONTRACTFLOW_AUDIT_ANCHORS_S3_BUCKET: {{ . | quote }}
{{- end }}
{{- with .Values.auditAnchors.s3.lockMode }}
{{- if not (has . (list "GOVERNANCE" "COMPLIANCE")) }}
{{- fail "auditAnchors.s3.lockMode is GOVERNANCE, COMPLIANCE or empty" }}
{{- end }}
{{- if not $.Values.auditAnchors.s3.bucket }}
{{- fail "auditAnchors.s3.bucket is required with auditAnchors.s3.lockMode (object lock needs a bucket of its own)" }}
{{- end }}
CONTRACTFLOW_AUDIT_ANCHORS_S3_LOCKMODE: {{ . | quote }}
CONTRACTFLOW_AUDIT_ANCHORS_S3_LOCKRETENTION: {{ required "auditAnchors.s3.lockRetention is required with a lock mode" $.Values.auditAnchors.s3.lockRetention | quote }}
{{- end }}
CONTRACTFLOW_SIGNING_SEAL_KEYSTORE: {{ printf "/etc/contractflow/seal/%s" .Values.signing.seal.keystoreKey | quote }}
{{- with .Values.signing.seal.alias }}
CONTRACTFLOW_SIGNING_SEAL_ALIAS: {{ . | quote }}
{{- end }}
CONTRACTFLOW_SIGNING_PUBLICBASEURL: {{ required "signing.publicBaseUrl is required (where signers reach the platform)" .Values.signing.publicBaseUrl | quote }}
CONTRACTFLOW_PUBLIC_URL: {{ .Values.signing.publicBaseUrl | quote }}
OPENSEARCH_URL: {{ required "search.url is required (the OpenSearch cluster, e.g. https://opensearch.search.svc:9200)" .Values.search.url | quote }}
{{- with .Values.search.truststore.existingSecret }}
OPENSEARCH_TRUSTSTORE: {{ printf "/etc/contractflow/opensearch/%s" $.Values.search.truststore.fileKey | quote }}
{{- end }}
CONTRACTFLOW_SEARCH_INDEX: {{ .Values.search.index | quote }}
CONTRACTFLOW_NOTIFICATIONS_DELIVERY: {{ .Values.mail.delivery | quote }}
{{- with .Values.mail.from }}
CONTRACTFLOW_NOTIFICATIONS_FROM: {{ . | quote }}
{{- end }}
{{- if eq .Values.mail.delivery "smtp" }}
SPRING_MAIL_HOST: {{ required "mail.host is required with mail.delivery=smtp" .Values.mail.host | quote }}
SPRING_MAIL_PORT: {{ .Values.mail.port | quote }}
SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH: {{ (not (empty .Values.mail.existingSecret)) | quote }}
SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE: {{ .Values.mail.starttls | quote }}
SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED: {{ .Values.mail.starttlsRequired | quote }}
SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_ENABLE: {{ .Values.mail.ssl | quote }}
{{- end }}
{{- $names := include "contractflow.vendorEnvNames" . | fromYaml }}
{{- range $vendor, $envName := $names }}
{{- $v := index $.Values.esign $vendor }}
{{- if $v.enabled }}
CONTRACTFLOW_SIGNING_{{ $envName }}_ENABLED: "true"
{{- range $key, $value := $v.config }}
{{- if not (kindIs "invalid" $value) }}
{{- if ne (toString $value) "" }}
CONTRACTFLOW_SIGNING_{{ $envName }}_{{ upper $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
JAVA_OPTS: {{ .Values.javaOpts | quote }}
{{- with .Values.extraConfig }}
{{- range $key, $value := . }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Pod anti-affinity: prefer one pod per node (soft), require it (hard), or none.
*/}}
{{- define "contractflow.affinity" -}}
{{- if .Values.affinity }}
{{- toYaml .Values.affinity }}
{{- else if eq .Values.podAntiAffinity "soft" }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "contractflow.selectorLabels" . | nindent 12 }}
{{- else if eq .Values.podAntiAffinity "hard" }}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "contractflow.selectorLabels" . | nindent 10 }}
{{- end }}
{{- end }}
