// Analyst dashboard: daily trend lines per level-1 node (inline SVG) with each node's forecast for the next days,
// and the alerts with their lifecycle.
(function () {
  'use strict';

  const KINDS = {
    HIGH_FREQUENCY: '高频', COMMON: '共性', PERIODIC: '周期性', SEASONAL: '季节性',
    EMERGING: '苗头性', CLUSTERED: '聚集性', FORECAST: '预测'
  };
  const STATUS = {open: '待处理', acknowledged: '已确认', resolved: '已解决'};
  const ACTIONS = {
    open: [['ack', '确认', 'Acknowledge'], ['resolve', '解决', 'Resolve']],
    acknowledged: [['resolve', '解决', 'Resolve'], ['reopen', '重开', 'Reopen']],
    resolved: [['reopen', '重开', 'Reopen']]
  };
  const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf', '#393b79', '#ad494a', '#637939', '#8c6d31', '#7b4173'];
  const SVG = 'http://www.w3.org/2000/svg';
  // Interval bands for this many of the busiest nodes only: fifteen overlapping bands hide each other.
  const BANDS = 3;
  const FORECAST_DAYS = 7;
  const $ = (id) => document.getElementById(id);

  function el(tag, className, text, title) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    if (title) node.title = title;
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  async function call(url, options) {
    const response = await fetch(url, options);
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || ('HTTP ' + response.status));
    return data;
  }

  async function loadTrends() {
    const params = new URLSearchParams({level: '1', days: $('days').value, forecast: String(FORECAST_DAYS)});
    const district = $('district').value.trim();
    if (district) params.set('district', district);
    try {
      const trends = await call('/api/trends?' + params);
      $('open-alerts').textContent = trends.openAlerts;
      $('trend-range').textContent = trends.from + ' 至 ' + trends.to + ' · 共 ' + trends.total + ' 件'
        + (trends.district ? ' · ' + trends.district : '');
      drawChart(trends);
    } catch (e) {
      $('trend-range').textContent = '趋势加载失败 (could not load trends): ' + e.message;
    }
  }

  function drawChart(trends) {
    const width = 960, height = 320, left = 44, right = 12, top = 12, bottom = 28;
    const days = trends.dates.length;
    const forecasts = trends.series.map((s) => s.forecast || []);
    // An older server sends no forecast: the chart is then the observed days alone.
    const ahead = forecasts.reduce((longest, f) => f.length > longest.length ? f : longest, []).map((f) => f.date);
    const slots = days + ahead.length;
    const max = Math.max(1, ...trends.series.flatMap((s) => s.counts), ...forecasts.flat().map((f) => f.upper));
    const x = (i) => left + (slots === 1 ? 0 : i * (width - left - right) / (slots - 1));
    const y = (v) => top + (height - top - bottom) * (1 - v / max);
    const chart = svg('svg', {viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': '每日诉求趋势'});
    [0, Math.round(max / 2), max].forEach((v) => {
      chart.append(svg('line', {x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'grid'}));
      const label = svg('text', {x: left - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end'});
      label.textContent = v;
      chart.append(label);
    });
    const step = Math.max(1, Math.ceil(slots / 8));
    trends.dates.concat(ahead).forEach((date, i) => {
      // every step-th date, and the last one unless it would overlap the step-th one before it
      const last = i === slots - 1;
      if (!last && (i % step !== 0 || slots - 1 - i < step / 2)) return;
      // the last label ends at the chart's edge instead of running past it
      const label = svg('text', {x: x(i), y: height - 8, class: 'axis', 'text-anchor': last ? 'end' : 'middle'});
      label.textContent = date.substring(5);
      chart.append(label);
    });
    if (ahead.length) drawForecastDivider(chart, x(days - 0.5), top, height - bottom);
    trends.series.forEach((series, n) => {
      const color = COLORS[n % COLORS.length];
      if (forecasts[n].length) drawForecast(chart, series, forecasts[n], days, x, y, color, n < BANDS);
      const points = series.counts.map((v, i) => x(i) + ',' + y(v)).join(' ');
      const line = svg('polyline', {points: points, fill: 'none', stroke: color, 'stroke-width': 2, class: 'series'});
      const tip = svg('title', {});
      tip.textContent = series.node + '：' + series.total;
      line.append(tip);
      chart.append(line);
    });
    $('chart').replaceChildren(chart);
    $('legend').replaceChildren(...trends.series.map((series, n) => {
      const item = el('li', null, null, series.node + forecastSummary(forecasts[n]));
      const swatch = el('span', 'swatch');
      swatch.style.background = COLORS[n % COLORS.length];
      item.append(swatch, document.createTextNode(series.node + ' ' + series.total));
      return item;
    }));
    if (!trends.series.length) $('legend').replaceChildren(el('li', 'muted', '此期间没有诉求', 'No demands'));
  }

  // The expected counts as a dashed line and (for the busiest nodes) the 90% interval as a light band, both
  // starting at the last observed day so that they continue its line.
  function drawForecast(chart, series, forecast, days, x, y, color, band) {
    const last = series.counts[days - 1];
    const at = (i) => days + i;
    const upper = forecast.map((f, i) => x(at(i)) + ',' + y(f.upper));
    const lower = forecast.map((f, i) => x(at(i)) + ',' + y(f.lower)).reverse();
    const start = x(days - 1) + ',' + y(last);
    if (band) {
      chart.append(svg('polygon', {points: [start, ...upper, ...lower].join(' '), fill: color, 'fill-opacity': 0.1,
        stroke: 'none', class: 'forecast-band'}));
    }
    const line = svg('polyline', {points: [start, ...forecast.map((f, i) => x(at(i)) + ',' + y(f.expected))].join(' '),
      fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': '6 4', class: 'forecast'});
    const tip = svg('title', {});
    tip.textContent = series.node + ' 预测' + forecastSummary(forecast) + '（阴影为 90% 区间）';
    line.append(tip);
    chart.append(line);
  }

  function drawForecastDivider(chart, at, top, bottom) {
    chart.append(svg('line', {x1: at, x2: at, y1: top, y2: bottom, class: 'forecast-divider'}));
    const label = svg('text', {x: at + 4, y: top + 10, class: 'forecast-label'});
    label.textContent = '预测';
    const tip = svg('title', {});
    tip.textContent = 'Forecast: expected counts with their 90% prediction intervals';
    label.append(tip);
    chart.append(label);
  }

  function forecastSummary(forecast) {
    if (!forecast.length) return '';
    const total = forecast.reduce((sum, f) => sum + f.expected, 0);
    return ' · 未来 ' + forecast.length + ' 天预计约 ' + number(total) + ' 件';
  }

  async function loadAlerts() {
    const params = new URLSearchParams({limit: '200'});
    if ($('status-filter').value) params.set('status', $('status-filter').value);
    try {
      const data = await call('/api/alerts?' + params);
      $('alerts').replaceChildren(...data.alerts.map(alertRow));
      $('alert-status').textContent = data.alerts.length ? '' : '没有预警 (no alerts)';
    } catch (e) {
      $('alert-status').textContent = '预警加载失败 (could not load alerts): ' + e.message;
    }
  }

  function number(value) {
    return value === undefined || value === null ? '–' : (Math.round(value * 10) / 10).toString();
  }

  function alertRow(alert) {
    const row = el('tr');
    row.dataset.id = alert.id;
    row.append(el('td', 'kind', KINDS[alert.kind] || alert.kind, alert.kind));
    row.append(el('td', null, alert.nodePath, alert.note || alert.nodePath));
    row.append(el('td', null, (alert.districts || []).join('、')));
    row.append(el('td', null, alert.windowStart === alert.windowEnd ? alert.windowEnd
      : alert.windowStart + ' 至 ' + alert.windowEnd));
    row.append(el('td', 'numbers', number(alert.observed) + ' / ' + number(alert.expected)));
    const who = alert.statusBy ? alert.statusBy + (alert.statusNote ? '：' + alert.statusNote : '') : '';
    row.append(el('td', 'status status-' + alert.status, STATUS[alert.status] || alert.status, who || alert.status));
    const actions = el('td', 'actions');
    (ACTIONS[alert.status] || []).forEach(([action, label, english]) => {
      const button = el('button', 'action-' + action, label, english);
      button.addEventListener('click', () => transition(alert.id, action));
      actions.append(button);
    });
    row.append(actions);
    return row;
  }

  async function transition(id, action) {
    const note = window.prompt('备注（可选） / Note (optional)', '');
    if (note === null) return;
    if (!$('analyst').readOnly) localStorage.setItem('hotline.analyst', $('analyst').value);
    try {
      await call('/api/alerts/' + encodeURIComponent(id) + '/' + action, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({by: $('analyst').value.trim(), note: note})
      });
      $('alert-status').textContent = '';
    } catch (e) {
      $('alert-status').textContent = '操作失败 (refused): ' + e.message;
    }
    loadAlerts();
    loadTrends();
  }

  $('analyst').value = localStorage.getItem('hotline.analyst') || '';
  // Signed in, status changes are recorded under the signed-in name: show it instead of asking for one.
  call('/api/me').then(me => {
    if (me.user) {
      $('analyst').value = me.user;
      $('analyst').readOnly = true;
      $('analyst').title = '已登录 / signed in';
    }
  }).catch(() => {});
  $('days').addEventListener('change', loadTrends);
  $('district').addEventListener('change', loadTrends);
  $('status-filter').addEventListener('change', loadAlerts);
  loadTrends();
  loadAlerts();
})();
