// Builds elements from data without ever parsing it as HTML: names and summaries are text, always.

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element. */
export function h(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** An SVG element. */
export function s(tag, attributes, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  return build(element, {}, children);
}

/**
 * Keeps a list's children in step with the items, by key: an element whose key is unchanged stays as it is, with
 * whatever is typed in it and the focus; others are made anew and the ones no longer wanted go. A key should
 * change whenever what the element shows does.
 */
export function reconcile(list, items, key, render) {
  const existing = new Map([...list.children].map(child => [child.dataset.key, child]));
  let cursor = list.firstElementChild;
  for (const item of items) {
    const wanted = key(item);
    let element = existing.get(wanted);
    existing.delete(wanted);
    if (!element) {
      element = render(item);
      element.dataset.key = wanted;
    }
    if (element === cursor) {
      cursor = cursor.nextElementSibling;
    } else {
      list.insertBefore(element, cursor);
    }
  }
  existing.forEach(element => element.remove());
}
