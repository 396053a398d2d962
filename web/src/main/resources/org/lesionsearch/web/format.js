// How numbers and lesion facts read on the page.

const COARSE = {
  BONE: 'bone', ABDOMEN: 'abdomen', MEDIASTINUM: 'mediastinum', LIVER: 'liver', LUNG: 'lung',
  KIDNEY: 'kidney', SOFT_TISSUE: 'soft tissue', PELVIS: 'pelvis', UNKNOWN: 'unknown type',
};

export function coarseType(value) {
  return COARSE[value] || (value ? String(value).toLowerCase() : 'unknown type');
}

export function mm(value) {
  return value === undefined || value === null ? '–' : `${Number(value).toFixed(1)} mm`;
}

export function size(recist) {
  if (!recist) {
    return 'not measured';
  }
  return `${Number(recist.longAxisMm).toFixed(1)} × ${Number(recist.shortAxisMm).toFixed(1)} mm`;
}

export function probability(p) {
  return p === undefined || p === null ? '' : `${Math.round(p * 100)}%`;
}

export function fixed(value, digits = 2) {
  return value === undefined || value === null ? '–' : Number(value).toFixed(digits);
}

export function location(loc) {
  if (!loc) {
    return 'location unknown';
  }
  return `x ${fixed(loc.x)} · y ${fixed(loc.y)} · z ${fixed(loc.z)}`;
}

export function percentChange(value) {
  if (value === undefined || value === null) {
    return '';
  }
  const pct = Math.round(value * 100);
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

export function patientLine(lesion) {
  const parts = [];
  if (lesion.patientAge !== undefined && lesion.patientAge !== null) {
    parts.push(`${lesion.patientAge} y`);
  }
  if (lesion.sex && lesion.sex !== 'UNKNOWN') {
    parts.push(lesion.sex);
  }
  return parts.join(' ');
}
