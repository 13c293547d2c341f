/** An IntersectionObserver for jsdom that tests drive by hand. */
export class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = []
  readonly targets = new Set<Element>()
  readonly thresholds: number[]
  disconnected = false

  constructor(
    private readonly callback: IntersectionObserverCallback,
    options: IntersectionObserverInit = {},
  ) {
    const threshold = options.threshold ?? 0
    this.thresholds = Array.isArray(threshold) ? threshold : [threshold]
    FakeIntersectionObserver.instances.push(this)
  }

  observe(target: Element) {
    this.targets.add(target)
  }

  unobserve(target: Element) {
    this.targets.delete(target)
  }

  disconnect() {
    this.targets.clear()
    this.disconnected = true
  }

  takeRecords() {
    return []
  }

  /** Reports `target` as `ratio` visible, in a 1000 px tall viewport. */
  report(target: Element, ratio: number, height = 400) {
    const viewport = { x: 0, y: 0, width: 1000, height: 1000, top: 0, left: 0, right: 1000, bottom: 1000 }
    const entry = {
      target,
      intersectionRatio: ratio,
      isIntersecting: ratio > 0,
      intersectionRect: { ...viewport, height: height * ratio },
      boundingClientRect: { ...viewport, height },
      rootBounds: viewport,
      time: performance.now(),
    } as unknown as IntersectionObserverEntry
    this.callback([entry], this as unknown as IntersectionObserver)
  }

  /** Reports to whichever live observer watches `target`. */
  static report(target: Element, ratio: number, height?: number) {
    const observer = FakeIntersectionObserver.instances.find((o) => !o.disconnected && o.targets.has(target))
    if (!observer) throw new Error('no IntersectionObserver watches this element')
    observer.report(target, ratio, height)
  }

  static live() {
    return FakeIntersectionObserver.instances.filter((o) => !o.disconnected)
  }
}
