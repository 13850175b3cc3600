"""KPIs, segmentation and reports computed with pandas from the local cache."""
