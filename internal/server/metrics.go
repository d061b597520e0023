package server

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/timelined/timelined/internal/story"
	"github.com/timelined/timelined/internal/timeline"
)

// The analysis cache's metrics, read from its counters at each scrape.
var (
	cacheHitsDesc = prometheus.NewDesc("timelined_analysis_cache_hits_total",
		"Articles of BuildTimeline calls whose analysis came from the cache.", nil, nil)
	cacheMissesDesc = prometheus.NewDesc("timelined_analysis_cache_misses_total",
		"Articles of BuildTimeline calls analysed anew.", nil, nil)
	cacheEvictionsDesc = prometheus.NewDesc("timelined_analysis_cache_evictions_total",
		"Articles dropped from the cache to keep it within its budget.", nil, nil)
	cacheArticlesDesc = prometheus.NewDesc("timelined_analysis_cache_articles",
		"Articles the cache holds.", nil, nil)
	cacheBytesDesc = prometheus.NewDesc("timelined_analysis_cache_bytes",
		"Estimated size of what the cache holds, in bytes.", nil, nil)
)

// cacheCollector exports a timeline.Cache's counters to Prometheus.
type cacheCollector struct{ c *timeline.Cache }

// Describe implements prometheus.Collector.
func (cc cacheCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{cacheHitsDesc, cacheMissesDesc, cacheEvictionsDesc, cacheArticlesDesc, cacheBytesDesc} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (cc cacheCollector) Collect(ch chan<- prometheus.Metric) {
	st := cc.c.Stats()
	ch <- prometheus.MustNewConstMetric(cacheHitsDesc, prometheus.CounterValue, float64(st.Hits))
	ch <- prometheus.MustNewConstMetric(cacheMissesDesc, prometheus.CounterValue, float64(st.Misses))
	ch <- prometheus.MustNewConstMetric(cacheEvictionsDesc, prometheus.CounterValue, float64(st.Evictions))
	ch <- prometheus.MustNewConstMetric(cacheArticlesDesc, prometheus.GaugeValue, float64(st.Articles))
	ch <- prometheus.MustNewConstMetric(cacheBytesDesc, prometheus.GaugeValue, float64(st.Bytes))
}

// The story service's metrics, read from its counters at each scrape.
var (
	storyAnalysedDesc = prometheus.NewDesc("timelined_story_articles_analysed_total",
		"Articles analysed when added to a story (new or corrected).", nil, nil)
	storyRestoredDesc = prometheus.NewDesc("timelined_story_analyses_restored_total",
		"Stored analyses loaded with a story instead of analysing its articles again.", nil, nil)
	storyReanalysedDesc = prometheus.NewDesc("timelined_story_articles_reanalysed_total",
		"Articles a story's build had to analyse again (analysis missing, of another version, or dated anew).", nil, nil)
	storyWatchersDesc = prometheus.NewDesc("timelined_story_watchers",
		"Watches served now (WatchTimeline streams and story pages' event streams).", nil, nil)
)

// storyCollector exports a story.Service's counters to Prometheus.
type storyCollector struct{ s *story.Service }

// Describe implements prometheus.Collector.
func (sc storyCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{storyAnalysedDesc, storyRestoredDesc, storyReanalysedDesc, storyWatchersDesc} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (sc storyCollector) Collect(ch chan<- prometheus.Metric) {
	st := sc.s.Stats()
	ch <- prometheus.MustNewConstMetric(storyAnalysedDesc, prometheus.CounterValue, float64(st.Analysed))
	ch <- prometheus.MustNewConstMetric(storyRestoredDesc, prometheus.CounterValue, float64(st.Restored))
	ch <- prometheus.MustNewConstMetric(storyReanalysedDesc, prometheus.CounterValue, float64(st.Reanalysed))
	ch <- prometheus.MustNewConstMetric(storyWatchersDesc, prometheus.GaugeValue, float64(st.Watchers))
}
