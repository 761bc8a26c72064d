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
