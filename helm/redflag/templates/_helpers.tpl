{{/*
The chart's name, or nameOverride.
*/}}
{{- define "redflag.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's resources: fullnameOverride, or the release name (with the chart's name unless
the release name already holds it), cut to the 63 characters a DNS label allows.
*/}}
{{- define "redflag.fullname" -}}
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
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "redflag.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every resource.
*/}}
{{- define "redflag.labels" -}}
helm.sh/chart: {{ include "redflag.chart" . }}
{{ include "redflag.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the release's pods.
*/}}
{{- define "redflag.selectorLabels" -}}
app.kubernetes.io/name: {{ include "redflag.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The ServiceAccount's name.
*/}}
{{- define "redflag.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "redflag.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The image, with the chart's appVersion as the default tag.
*/}}
{{- define "redflag.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
The Secret holding the secret values: existingSecret, or the chart's own.
*/}}
{{- define "redflag.secretName" -}}
{{- default (include "redflag.fullname" .) .Values.existingSecret }}
{{- end }}

{{/*
"true" when the embedded H2 store is used (no external database).
*/}}
{{- define "redflag.embeddedStore" -}}
{{- if not .Values.database.url }}true{{ end }}
{{- end }}

{{/*
"true" for the JWT-bearer flow (a username is set), empty for client credentials.
*/}}
{{- define "redflag.jwtBearer" -}}
{{- if .Values.salesforce.username }}true{{ end }}
{{- end }}

{{/*
An environment variable from the Secret, rendered when the Secret holds it: always with existingSecret (the
chart cannot look inside; a missing key then stops the pod with an event naming it), and with the chart's own
Secret only when the value is set. Arguments: (list $ "ENV_NAME" "secret-key" .Values.the.value).
*/}}
{{- define "redflag.secretEnv" -}}
{{- $root := index . 0 }}
{{- if or $root.Values.existingSecret (index . 3) -}}
- name: {{ index . 1 }}
  valueFrom:
    secretKeyRef:
      name: {{ include "redflag.secretName" $root }}
      key: {{ index . 2 }}
{{- end }}
{{- end }}

{{/*
Settings that cannot work together stop rendering with a message naming the values.
*/}}
{{- define "redflag.validate" -}}
{{- if and (gt (int .Values.replicaCount) 1) (include "redflag.embeddedStore" .) }}
{{- fail (printf "replicaCount %d needs an external database: set database.url (PostgreSQL). The embedded H2 store lives in one pod's volume and cannot be shared between pods." (int .Values.replicaCount)) }}
{{- end }}
{{- if lt (int .Values.terminationGracePeriodSeconds) (add 5 (mul 2 (int .Values.shutdownPhaseSeconds))) }}
{{- fail (printf "terminationGracePeriodSeconds %d is shorter than a graceful shutdown may take: set it to at least 2 × shutdownPhaseSeconds + 5 = %d" (int .Values.terminationGracePeriodSeconds) (add 5 (mul 2 (int .Values.shutdownPhaseSeconds)))) }}
{{- end }}
{{- if and .Values.metrics.serviceMonitor.enabled (not .Values.metrics.serviceMonitor.tokenSecret.name) }}
{{- fail "metrics.serviceMonitor.enabled needs metrics.serviceMonitor.tokenSecret.name: /actuator/prometheus answers only with a viewer API token (see docs/deploy.md)" }}
{{- end }}
{{- if and .Values.outboundMessages.enabled (not .Values.existingSecret) (lt (len .Values.outboundMessages.token) 16) }}
{{- fail "outboundMessages.enabled needs outboundMessages.token of 16 characters or more (or existingSecret with the key outbound-messages-token)" }}
{{- end }}
{{- range .Values.extraEnv }}
{{- if eq (toString .name) "REDFLAG_DEMO" }}
{{- fail "extraEnv: REDFLAG_DEMO is not for a deployment; the chart runs against the org salesforce.loginUrl names" }}
{{- end }}
{{- end }}
{{- end }}
