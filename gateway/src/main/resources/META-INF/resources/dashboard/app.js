// The senior managers' dashboard: every team at a glance, open alerts live from the stream, a team's workers and
// cases on demand, and the year's absence and staffing trends. All of it from the gateway's API with the user's
// own token, so each user sees exactly what the API lets them see.
import { follow, get, post, session } from './api.js';
import { caseloadChart, lineChart } from './charts.js';
import { fill, h, reconcile } from './dom.js';

const RULES = {
  CASELOAD_OVER_LIMIT: 'Caseload over the limit',
  CP_MIX_OVER_LIMIT: 'Too many CP cases in the mix',
  WEIGHTED_LOAD_OVER_LIMIT: 'Weighted load over the limit',
  CASE_UNALLOCATED: 'Case waiting for a worker',
  TEAM_VACANCY_RATE_HIGH: 'Vacancy rate high',
  TEAM_AGENCY_RATE_HIGH: 'Agency rate high',
  CASES_HELD_BY_ABSENT_WORKER: 'Cases held by an absent worker',
  LONG_TERM_ABSENCE: 'Long-term absence',
  RETURN_TO_WORK_OVERDUE: 'Return-to-work interview overdue',
  TEAM_SICKNESS_RATE_HIGH: 'Team sickness rate high',
  BRADFORD_TRIGGER: 'Bradford factor at the trigger',
};
const ROLES = { 'senior-manager': 'Senior manager', 'team-manager': 'Team manager', 'hr-officer': 'HR officer' };
const STATES = {
  breach: { icon: '\u25B2', text: 'Breach' },
  watch: { icon: '\u25CF', text: 'Watch' },
  ok: { icon: '\u2713', text: 'No alert' },
};

const state = { council: null, teams: new Map(), alerts: new Map(), stopStream: null, refreshing: null };
const $ = id => document.getElementById(id);

// ---- signing in and out

function showSignIn(message) {
  state.stopStream?.();
  $('dashboard').hidden = true;
  $('session').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').hidden = !message;
  $('sign-in-error').textContent = message ?? '';
  $('token').focus();
}

async function signIn(event) {
  event.preventDefault();
  try {
    session.signIn($('token').value);
  } catch (error) {
    showSignIn(error.message);
    return;
  }
  $('token').value = '';
  await open();
}

function signOut(message) {
  session.signOut();
  location.hash = '';
  showSignIn(typeof message === 'string' ? message : null);
}

function claims() {
  return session.claims();
}

function groups() {
  return claims().groups ?? [];
}

function mayAcknowledge() {
  return groups().includes('senior-manager') || groups().includes('team-manager');
}

/** A team manager asks about their own team; everyone else about the council. */
function scopeQuery() {
  return groups().includes('senior-manager') || groups().includes('hr-officer') ? '' : `&teamId=${claims().team}`;
}

async function open() {
  try {
    await refresh();
  } catch (error) {
    if (error.status === 401) {
      signOut('That token was not accepted: it may have expired, or be meant for another system.');
      return;
    }
    showLoadError(error);
  }
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('session').hidden = false;
  const role = groups().map(group => ROLES[group]).filter(Boolean).join(', ');
  $('who').textContent = `${claims().upn ?? claims().sub ?? 'Signed in'} (${role || 'no dashboard role'})`;
  state.stopStream = follow('/api/v1/alerts/stream', onAlert, onStreamStatus);
  loadTrends();
  route();
}

function showLoadError(error) {
  $('load-error').hidden = false;
  $('load-error').textContent = `The dashboard could not load: ${error.message}. It tries again when an alert `
    + 'arrives, or reload the page.';
}

// ---- the figures

async function refresh() {
  const [council, breaches] = await Promise.all([get('/api/v1/monitoring/teams'), get('/api/v1/breaches')]);
  $('load-error').hidden = true;
  state.council = council;
  state.teams = new Map(council.teams.map(team => [team.id, team]));
  state.alerts = new Map(breaches.map(alert => [alert.id, alert]));
  renderOverview();
  renderAlerts();
}

/** Many alerts can arrive together: the figures are read again once they settle. */
function refreshSoon() {
  clearTimeout(state.refreshing);
  state.refreshing = setTimeout(async () => {
    try {
      await refresh();
      const open = openTeam();
      if (open) {
        await showTeam(open, { focus: false });
      }
    } catch (error) {
      showLoadError(error);
    }
  }, 1000);
}

function teamState(team) {
  if (team.worstSeverity === 'CRITICAL' || team.worstSeverity === 'HIGH') {
    return 'breach';
  }
  return team.worstSeverity ? 'watch' : 'ok';
}

function stateLabel(key) {
  const { icon, text } = STATES[key];
  return h('span', { class: `state state--${key}` }, h('span', { 'aria-hidden': 'true' }, icon), ` ${text}`);
}

function renderOverview() {
  const teams = state.council.teams;
  const sum = field => teams.reduce((total, team) => total + team[field], 0);
  $('as-of').textContent = `Live figures, ${teams.length} teams, on ${date(state.council.asOf)}.`;
  fill($('totals'),
    total('Workers over their limit', sum('overLimit')),
    total('CP mix breaches', sum('cpMixOverLimit')),
    total('CP and court cases waiting', sum('unallocatedHighRisk')),
    total('All cases waiting', sum('unallocated')),
    total('Workers absent now', sum('absent')),
    h('div', { class: 'total' }, h('dt', {}, 'Average caseload'), h('dd', {}, average(state.council.averageCaseload))));
  // only the teams whose figures changed are drawn again, so a keyboard user's place is kept
  reconcile($('teams'), teams, team => JSON.stringify(team), teamCard);
}

function total(label, value) {
  return h('div', { class: value > 0 ? 'total total--raised' : 'total' }, h('dt', {}, label), h('dd', {}, value));
}

function teamCard(team) {
  const key = teamState(team);
  const waiting = team.unallocated === 0 ? 'none'
    : team.unallocatedHighRisk > 0
      ? `${team.unallocated}: ${team.unallocatedHighRisk} CP or court, waiting ${waited(team.highRiskUnallocatedSince)}`
      : `${team.unallocated}, longest ${waited(team.unallocatedSince)}`;
  const alerts = Object.entries(team.openAlerts);
  return h('li', { class: `team-card team-card--${key}`, 'data-team-id': team.id, 'data-state': key },
    h('h3', {}, h('a', { href: `#/teams/${team.id}` }, team.name ?? 'A team not yet named')),
    h('p', { class: 'team-card__area' }, area(team.serviceArea), ' ', stateLabel(key)),
    h('dl', { class: 'figures-list' },
      figure('Over their limit', team.overLimit, team.overLimit > 0),
      figure('CP mix over', team.cpMixOverLimit, team.cpMixOverLimit > 0),
      figure('Waiting for a worker', waiting, team.unallocatedHighRisk > 0),
      figure('Vacancy rate', percent(team.vacancyRate), false),
      figure('Agency rate', percent(team.agencyRate), false),
      figure('Average caseload', average(team.averageCaseload), false),
      figure('Absent now', `${team.absent} of ${team.workers}`, team.absent > 0)),
    alerts.length > 0 && h('p', { class: 'team-card__alerts' }, 'Open alerts: ',
      alerts.map(([rule, count]) => `${RULES[rule] ?? rule} (${count})`).join(', ')),
    caseloadChart(team.caseloads, { compact: true }));
}

function figure(label, value, raised) {
  return h('div', { class: raised ? 'raised' : null }, h('dt', {}, label), h('dd', {}, value));
}

// ---- one team

function openTeam() {
  return location.hash.match(/^#\/teams\/([0-9a-f-]{36})$/)?.[1];
}

function route() {
  const team = openTeam();
  $('overview').hidden = Boolean(team);
  $('team').hidden = !team;
  if (team) {
    showTeam(team, { focus: true });
  }
}

async function showTeam(id, { focus }) {
  let picture;
  try {
    picture = await get(`/api/v1/monitoring/teams/${id}`);
  } catch (error) {
    fill($('team-title'), 'A team');
    fill($('team-body'), h('p', { class: 'error', role: 'alert' }, `This team could not be shown: ${error.message}`));
    return;
  }
  const summary = state.teams.get(id);
  fill($('team-title'), picture.name ?? 'A team not yet named', ' ', summary && stateLabel(teamState(summary)));
  const workers = [...picture.workers].sort((a, b) => (b.caseload?.openCases ?? -1) - (a.caseload?.openCases ?? -1));
  const staffing = picture.staffing;
  fill($('team-body'),
    summary && caseloadChart(summary.caseloads),
    h('p', {}, 'Average caseload: ', average(picture.averageCaseload)),
    h('h3', {}, 'Workers and their cases'),
    h('div', { class: 'scroll' }, h('table', { class: 'workers', id: 'team-workers' },
      h('caption', { class: 'visually-hidden' }, 'Each worker: cases held against their limit, by category'),
      h('thead', {}, h('tr', {}, ['Worker', 'Role', 'FTE', 'Cases (limit)', 'CP (limit)', 'By category',
        'Absent', 'Alerts'].map(title => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, workers.map(worker => workerRow(worker,
        picture.alerts.filter(alert => alert.subjectId === worker.id)))))),
    h('h3', {}, 'Cases waiting for a worker'),
    picture.unallocated.length === 0 ? h('p', {}, 'None.')
      : h('table', { class: 'waiting' },
        h('thead', {}, h('tr', {}, ['Case', 'Category', 'Waiting'].map(title => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, picture.unallocated.map(kase => h('tr', { class: highRisk(kase.category) ? 'raised' : null },
          h('th', { scope: 'row' }, kase.reference), h('td', {}, kase.category),
          h('td', {}, waited(kase.unallocatedSince)))))),
    h('h3', {}, 'Staffing'),
    h('dl', { class: 'figures-list figures-list--wide' },
      figure('Posts', `${number(staffing.postsFte)} FTE`, false),
      figure('Vacant posts', `${staffing.vacantPosts} (${number(staffing.vacantFte)} FTE)`, staffing.vacantPosts > 0),
      figure('Agency workers', `${staffing.agencyWorkers.length} (${number(staffing.agencyFte)} FTE)`, false),
      figure('Vacancy rate', percent(staffing.vacancyRate), false),
      figure('Agency rate', percent(staffing.agencyRate), false),
      figure('Absent now', picture.absent.length === 0 ? 'nobody'
        : picture.absent.map(worker => `${worker.name ?? 'a worker'} since ${date(worker.since)}`).join('; '),
      picture.absent.length > 0)));
  if (focus) {
    $('team-title').focus();
  }
}

function workerRow(worker, alerts) {
  const load = worker.caseload;
  const over = load && load.openCases > load.limit;
  const cpOver = load && load.cpCases > load.cpLimit;
  const categories = load ? Object.entries(JSON.parse(typeof load.byCategory === 'string' ? load.byCategory
    : JSON.stringify(load.byCategory ?? {}))).filter(([, count]) => count > 0)
    .map(([category, count]) => `${category} ${count}`).join(' \u00B7 ') : '';
  return h('tr', { 'data-worker-id': worker.id, class: over || cpOver ? 'raised' : null },
    h('th', { scope: 'row' }, worker.name ?? 'Not yet known to staffing'),
    h('td', {}, role(worker.role)),
    h('td', {}, worker.fte ?? ''),
    h('td', {}, load ? [`${load.openCases} (${load.limit})`, over && h('strong', {}, ' over')] : 'none'),
    h('td', {}, load ? [`${load.cpCases} (${load.cpLimit})`, cpOver && h('strong', {}, ' over')] : ''),
    h('td', {}, categories || 'none'),
    h('td', {}, worker.absent ? `since ${date(worker.absentSince)}` : 'no'),
    h('td', {}, alerts.map(alert => RULES[alert.rule] ?? alert.rule).join(', ')));
}

// ---- alerts

function renderAlerts() {
  const alerts = [...state.alerts.values()].sort((a, b) => b.firedAt.localeCompare(a.firedAt));
  $('alert-count').textContent = `(${alerts.length})`;
  // an alert that has not changed keeps its element, and with it a note being typed or the focus
  reconcile($('alerts'), alerts.length === 0 ? [null] : alerts,
    alert => alert === null ? 'none' : `${alert.id} ${alert.status} ${alert.summary}`,
    alert => alert === null ? h('li', { class: 'alert alert--none' }, 'No open alerts.') : alertItem(alert));
}

function alertItem(alert) {
  const team = state.teams.get(alert.teamId);
  return h('li', {
    class: `alert alert--${alert.severity.toLowerCase()}${alert.fresh ? ' alert--new' : ''}`,
    'data-alert-id': alert.id, 'data-rule': alert.rule, 'data-status': alert.status,
  },
  h('p', { class: 'alert__head' }, h('span', { class: 'severity' }, alert.severity), ' ',
    h('strong', {}, RULES[alert.rule] ?? alert.rule)),
  h('p', {}, alert.summary),
  h('p', { class: 'alert__meta' },
    team ? h('a', { href: `#/teams/${team.id}` }, team.name ?? 'a team') : null,
    team ? ' \u00B7 ' : null, `fired ${dateTime(alert.firedAt)}`),
  alert.status === 'ACKNOWLEDGED'
    ? h('p', { class: 'alert__status' }, `Acknowledged by ${alert.acknowledgedBy} ${dateTime(alert.acknowledgedAt)}`,
      alert.acknowledgementNote ? `: \u201C${alert.acknowledgementNote}\u201D` : '')
    : h('p', { class: 'alert__status' }, 'Firing, not yet acknowledged'),
  alert.status === 'FIRING' && mayAcknowledge() && acknowledgeForm(alert));
}

function acknowledgeForm(alert) {
  const noteId = `note-${alert.id}`;
  const form = h('form', { class: 'acknowledge' },
    h('label', { for: noteId, class: 'visually-hidden' }, `Note on acknowledging ${RULES[alert.rule] ?? alert.rule}`,
      ' (optional)'),
    h('input', { id: noteId, name: 'note', maxlength: 500, autocomplete: 'off', placeholder: 'Note (optional)' }),
    h('button', { type: 'submit', class: 'button' }, 'Acknowledge'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const note = form.elements.note.value.trim();
    form.elements[1].disabled = true;
    try {
      const acknowledged = await post(`/api/v1/alerts/${alert.id}/acknowledgement`, note ? { note } : {});
      state.alerts.set(acknowledged.id, acknowledged);
      renderAlerts();
      announce(`Acknowledged: ${RULES[alert.rule] ?? alert.rule}.`);
      document.querySelector(`[data-alert-id="${alert.id}"]`)?.setAttribute('tabindex', '-1');
      document.querySelector(`[data-alert-id="${alert.id}"]`)?.focus();
    } catch (error) {
      form.elements[1].disabled = false;
      form.append(h('p', { class: 'error', role: 'alert' }, `Not acknowledged: ${error.message}`));
    }
  });
  return form;
}

function onAlert(alert) {
  const known = state.alerts.has(alert.id);
  if (alert.status === 'RESOLVED') {
    state.alerts.delete(alert.id);
    announce(`Resolved: ${RULES[alert.rule] ?? alert.rule}. ${alert.summary}`);
  } else {
    state.alerts.set(alert.id, { ...alert, fresh: !known });
    if (!known) {
      announce(`New alert: ${RULES[alert.rule] ?? alert.rule}. ${alert.summary}`);
    }
  }
  renderAlerts();
  refreshSoon();
}

function onStreamStatus(status) {
  if (status === 'signed-out') {
    signOut('Your sign-in has expired: paste a new token.');
    return;
  }
  $('live').textContent = status === 'live' ? 'Live' : 'Reconnecting\u2026';
  $('live').className = `live live--${status}`;
  if (status === 'live') {
    // anything that changed while the stream was down is caught up on now
    refreshSoon();
  }
}

function announce(message) {
  $('announce').textContent = message;
}

// ---- the year's trends

async function loadTrends() {
  const today = new Date();
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 11, 1));
  const [absence, staffing] = await Promise.allSettled([
    get(`/api/v1/absence-trends?groupBy=MONTH&from=${isoDate(first)}&to=${isoDate(today)}${scopeQuery()}`),
    get(`/api/v1/indicators/monthly?months=12${scopeQuery()}`),
  ]);
  fill($('charts'),
    absence.status === 'fulfilled' ? absenceChart(absence.value)
      : h('p', { class: 'error' }, `The absence trend could not be shown: ${absence.reason.message}`),
    staffing.status === 'fulfilled' ? staffingChart(staffing.value)
      : h('p', { class: 'error' }, `Staffing over time could not be shown: ${staffing.reason.message}`));
}

function absenceChart(report) {
  const rows = report.rows;
  const total = report.total;
  return lineChart({
    title: 'Sickness absence',
    summary: `Working time lost to sickness each month; ${percent(total?.timeLost)} over the 12 months, `
      + `${number(total?.daysLostPerFte)} days per FTE.`,
    labels: rows.map(row => month(row.from)),
    series: [{ name: 'time lost', values: rows.map(row => row.timeLost === null ? null : row.timeLost * 100) }],
    format: value => `${value.toFixed(1)}%`,
  });
}

function staffingChart(points) {
  const last = points[points.length - 1];
  const series = (name, field) => ({ name, values: points.map(point => point[field] === null ? null
    : point[field] * 100) });
  return lineChart({
    title: 'Staffing',
    summary: `Census rates at each month end; now vacancy ${percent(last.vacancyRate)}, agency `
      + `${percent(last.agencyWorkerRate)}, turnover ${percent(last.turnoverRate)} over 12 months.`,
    labels: points.map(point => month(point.asOf)),
    series: [series('vacancy', 'vacancyRate'), series('agency', 'agencyWorkerRate'),
      series('turnover', 'turnoverRate')],
    format: value => `${value.toFixed(0)}%`,
  });
}

// ---- words and numbers

function percent(fraction) {
  return fraction === null || fraction === undefined ? '\u2013' : `${(fraction * 100).toFixed(1)}%`;
}

// the census's figure: cases held over the FTE of the social workers who hold any
function average(figure) {
  return figure ? `${number(figure.average)} (${figure.casesHeld} cases, ${number(figure.caseHolderFte)} FTE)` : '\u2013';
}

function number(value) {
  return value === null || value === undefined ? '\u2013' : Number(value).toLocaleString('en-GB');
}

function waited(since) {
  if (!since) {
    return '';
  }
  const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 60000));
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
}

function date(iso) {
  return new Date(`${iso}T00:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

function dateTime(iso) {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function month(iso) {
  return new Date(`${iso}T00:00:00`).toLocaleDateString('en-GB', { month: 'short', year: '2-digit' });
}

function isoDate(day) {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

function area(serviceArea) {
  return serviceArea ? serviceArea.toLowerCase().replace(/_/g, ' ').replace(/^./, c => c.toUpperCase()) : '';
}

function role(name) {
  return name ? area(name).replace('Asye', 'ASYE') : '';
}

function highRisk(category) {
  return category === 'CP' || category === 'COURT';
}

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', route);
if (session.token()) {
  open();
} else {
  showSignIn();
}
